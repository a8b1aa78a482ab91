// Notes in a Map keyed by id (a Map keeps the order they were added in).
const http = require('http');

const notes = new Map();
let nextId = 1;

function send(res, status, value) {
  const body = value === undefined ? '' : JSON.stringify(value);
  const headers = {'Content-Length': Buffer.byteLength(body)};
  if (value !== undefined) headers['Content-Type'] = 'application/json';
  res.writeHead(status, headers);
  res.end(body);
}

function readJson(req, done) {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    try {
      const value = JSON.parse(text);
      done(value && typeof value === 'object' && !Array.isArray(value) ? value : null);
    } catch (e) {
      done(null);
    }
  });
}

http.createServer((req, res) => {
  const match = /^\/notes\/(\d+)$/.exec(req.url);
  const id = match ? Number(match[1]) : null;
  if (req.url === '/notes' && req.method === 'GET') return send(res, 200, [...notes.values()]);
  if (req.url === '/notes' && req.method === 'POST') {
    return readJson(req, (value) => {
      if (!value) return send(res, 400, {error: 'a JSON object is needed'});
      const note = {id: nextId++, text: value.text, shop: value.shop};
      notes.set(note.id, note);
      send(res, 201, note);
    });
  }
  if (id === null || !notes.has(id)) return send(res, 404, {error: 'not found'});
  if (req.method === 'GET') return send(res, 200, notes.get(id));
  if (req.method === 'DELETE') {
    notes.delete(id);
    return send(res, 204);
  }
  if (req.method === 'PUT') {
    return readJson(req, (value) => {
      if (!value) return send(res, 400, {error: 'a JSON object is needed'});
      const note = {id, text: value.text, shop: value.shop};
      notes.set(id, note);
      send(res, 200, note);
    });
  }
  send(res, 405, {error: 'method not allowed'});
}).listen(Number(process.env.PORT));
