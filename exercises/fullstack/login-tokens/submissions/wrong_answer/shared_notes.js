// Keeps every note in one list and shows the whole list to every logged-in user: Aino
// can read Sari's diary.
const crypto = require('crypto');
const http = require('http');

const users = new Map();   // username -> {salt, hash}
const tokens = new Map();  // token -> username
const notes = [];
let nextId = 1;

function send(res, status, value) {
  const body = value === undefined ? '' : JSON.stringify(value);
  const headers = {'Content-Length': Buffer.byteLength(body)};
  if (value !== undefined) headers['Content-Type'] = 'application/json';
  res.writeHead(status, headers);
  res.end(body);
}

function tokenOf(req) {
  const header = req.headers.authorization || '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    let value = {};
    try {
      value = JSON.parse(text) || {};
    } catch (e) {
      value = {};
    }
    const {username, password} = value;
    if (req.method === 'POST' && req.url === '/register') {
      if (typeof username !== 'string' || !/^[a-z0-9_]{3,20}$/.test(username) ||
          typeof password !== 'string' || password.length < 8) {
        return send(res, 400, {error: 'a username of 3 to 20 letters a-z, digits or _ and a password of at least 8 characters'});
      }
      if (users.has(username)) return send(res, 409, {error: 'username taken'});
      const salt = crypto.randomBytes(16);
      users.set(username, {salt, hash: crypto.scryptSync(password, salt, 32)});
      return send(res, 201, {username});
    }
    if (req.method === 'POST' && req.url === '/login') {
      const user = typeof username === 'string' ? users.get(username) : undefined;
      if (!user || typeof password !== 'string' ||
          !crypto.timingSafeEqual(user.hash, crypto.scryptSync(password, user.salt, 32))) {
        return send(res, 401, {error: 'wrong username or password'});
      }
      const token = crypto.randomBytes(32).toString('hex');
      tokens.set(token, username);
      return send(res, 200, {token});
    }
    if (!['/me', '/notes', '/logout'].includes(req.url)) return send(res, 404, {error: 'not found'});
    const token = tokenOf(req);
    const user = token && tokens.get(token);
    if (!user) return send(res, 401, {error: 'log in first'});
    if (req.url === '/me' && req.method === 'GET') return send(res, 200, {username: user});
    if (req.url === '/logout' && req.method === 'POST') {
      tokens.delete(token);
      return send(res, 204);
    }
    if (req.url === '/notes' && req.method === 'GET') return send(res, 200, notes);
    if (req.url === '/notes' && req.method === 'POST') {
      if (typeof value.text !== 'string') return send(res, 400, {error: 'a text is needed'});
      const note = {id: nextId++, text: value.text};
      notes.push(note);
      return send(res, 201, note);
    }
    send(res, 405, {error: 'method not allowed'});
  });
}).listen(Number(process.env.PORT));
