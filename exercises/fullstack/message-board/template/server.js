// The web server: the front page and its files from public/, the API under /api/ from the
// functions of messages.js. Listens on the port in the environment variable PORT.
const fs = require('fs');
const http = require('http');
const path = require('path');
const messages = require('./messages');

const PUBLIC = path.join(__dirname, 'public');
const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css'};

function send(res, status, value, body, type) {
  const bytes = value === undefined ? Buffer.from(body || '') : Buffer.from(JSON.stringify(value));
  const headers = {'Content-Length': bytes.length};
  if (status !== 204) headers['Content-Type'] = type || 'application/json';
  res.writeHead(status, headers);
  res.end(bytes);
}

function staticFile(res, name) {
  const file = path.join(PUBLIC, name);
  if (name.includes('/') || !fs.existsSync(file)) return send(res, 404, {error: 'not found'});
  send(res, 200, undefined, fs.readFileSync(file), TYPES[path.extname(name)]);
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

// Each function of messages.js answers [status, value].
function answer(res, work) {
  try {
    const [status, value] = work();
    send(res, status, value);
  } catch (e) {
    if (e.message !== 'not implemented') throw e;
    send(res, 501, {error: 'not implemented yet'});
  }
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const one = /^\/api\/messages\/(\d+)$/.exec(url.pathname);
  const replies = /^\/api\/messages\/(\d+)\/replies$/.exec(url.pathname);
  if (req.method === 'GET' && url.pathname === '/') return staticFile(res, 'index.html');
  if (req.method === 'GET' && url.pathname.startsWith('/public/')) {
    return staticFile(res, url.pathname.slice('/public/'.length));
  }
  if (req.method === 'GET' && url.pathname === '/api/messages') {
    return answer(res, () => messages.list());
  }
  if (req.method === 'GET' && one) return answer(res, () => messages.get(Number(one[1])));
  if (req.method === 'POST' && url.pathname === '/api/messages') {
    return readJson(req, (body) => answer(res, () => messages.post(body)));
  }
  if (req.method === 'POST' && replies) {
    return readJson(req, (body) => answer(res, () => messages.reply(Number(replies[1]), body)));
  }
  send(res, 404, {error: 'not found'});
}).listen(Number(process.env.PORT || 8000));
