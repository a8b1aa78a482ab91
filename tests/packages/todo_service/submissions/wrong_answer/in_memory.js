// Keeps the to-dos in memory only: they are lost when the service restarts.
const http = require('http');
const fs = require('fs');

const FILE = null;  // in memory only: lost on restart
let state = {next: 1, todos: []};
try {
  if (FILE) state = JSON.parse(fs.readFileSync(FILE, "utf8"));
} catch (e) {
  // first start
}
const save = () => {};

function send(res, status, value) {
  const body = value === undefined ? '' : JSON.stringify(value);
  const headers = {'Content-Length': Buffer.byteLength(body)};
  if (value !== undefined) headers['Content-Type'] = 'application/json';
  res.writeHead(status, headers);
  res.end(body);
}

function parse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch (e) {
    return null;
  }
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const match = req.url.match(/^\/todos\/(\d+)$/);
    const todo = match ? state.todos.find((t) => t.id === Number(match[1])) : undefined;
    if (req.url === '/todos' && req.method === 'GET') return send(res, 200, state.todos);
    if (req.url === '/todos' && req.method === 'POST') {
      const value = parse(body);
      if (!value || typeof value.title !== 'string') return send(res, 400, {error: 'title needed'});
      const created = {id: state.next++, title: value.title, done: false};
      state.todos.push(created);
      save();
      return send(res, 201, created);
    }
    if (!todo) return send(res, 404, {error: 'not found'});
    if (req.method === 'GET') return send(res, 200, todo);
    if (req.method === 'PATCH') {
      const value = parse(body);
      if (!value) return send(res, 400, {error: 'JSON expected'});
      if (typeof value.title === 'string') todo.title = value.title;
      if (typeof value.done === 'boolean') todo.done = value.done;
      save();
      return send(res, 200, todo);
    }
    if (req.method === 'DELETE') {
      state.todos = state.todos.filter((t) => t !== todo);
      save();
      return send(res, 204);
    }
    send(res, 405, {error: 'method not allowed'});
  });
});
server.listen(Number(process.env.PORT));
