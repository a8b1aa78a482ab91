// Gives a new note the id "number of notes + 1": after a delete, two notes share an id.
const http = require('http');

let notes = [];

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
      done(JSON.parse(text));
    } catch (e) {
      done(null);
    }
  });
}

http.createServer((req, res) => {
  const match = /^\/notes\/(\d+)$/.exec(req.url);
  const id = match ? Number(match[1]) : null;
  if (req.url === '/notes' && req.method === 'GET') return send(res, 200, notes);
  if (req.url === '/notes' && req.method === 'POST') {
    return readJson(req, (value) => {
      const note = {id: notes.length + 1, text: value.text, shop: value.shop};
      notes.push(note);
      send(res, 201, note);
    });
  }
  const note = notes.find((n) => n.id === id);
  if (!note) return send(res, 404, {error: 'not found'});
  if (req.method === 'GET') return send(res, 200, note);
  if (req.method === 'DELETE') {
    notes = notes.filter((n) => n !== note);
    return send(res, 204);
  }
  if (req.method === 'PUT') {
    return readJson(req, (value) => {
      note.text = value.text;
      note.shop = value.shop;
      send(res, 200, note);
    });
  }
  send(res, 405, {error: 'method not allowed'});
}).listen(Number(process.env.PORT));
