// Finds the note and reads its fields without checking that it exists: a request for an
// unknown id throws a TypeError that nothing catches, and the server stops.
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

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    if (req.url === '/notes' && req.method === 'GET') return send(res, 200, [...notes.values()]);
    if (req.url === '/notes' && req.method === 'POST') {
      const value = JSON.parse(text);
      const note = {id: nextId++, text: value.text, shop: value.shop};
      notes.set(note.id, note);
      return send(res, 201, note);
    }
    const id = Number(req.url.split('/')[2]);
    const note = notes.get(id);
    if (req.method === 'GET') return send(res, 200, {id: note.id, text: note.text, shop: note.shop});
    if (req.method === 'DELETE') {
      if (!notes.delete(id)) return send(res, 404, {error: 'not found'});
      return send(res, 204);
    }
    if (req.method === 'PUT') {
      const value = JSON.parse(text);
      note.text = value.text;
      note.shop = value.shop;
      return send(res, 200, note);
    }
    send(res, 405, {error: 'method not allowed'});
  });
}).listen(Number(process.env.PORT));
