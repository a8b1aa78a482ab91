// Checks every field and collects the names of the bad ones, sorted.
const http = require('http');

const members = [];

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}

function problems(value) {
  const bad = [];
  const {name, email, age} = value;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 50) bad.push('name');
  const parts = typeof email === 'string' ? email.split('@') : [];
  if (parts.length !== 2 || parts[0] === '' || !parts[1].includes('.') ||
      parts[1].startsWith('.') || parts[1].endsWith('.')) {
    bad.push('email');
  }
  if (!Number.isInteger(age) || age < 13 || age > 120) bad.push('age');
  return bad.sort();
}

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    const match = /^\/members\/(\d+)$/.exec(req.url);
    if (req.method === 'GET' && match) {
      const member = members[Number(match[1]) - 1];
      return member ? send(res, 200, member) : send(res, 404, {error: 'not found'});
    }
    if (req.method !== 'POST' || req.url !== '/members') return send(res, 404, {error: 'not found'});
    if (!(req.headers['content-type'] || '').startsWith('application/json')) {
      return send(res, 415, {error: 'Content-Type must be application/json'});
    }
    let value = null;
    try {
      value = JSON.parse(text);
    } catch (e) {
      value = null;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return send(res, 400, {errors: ['body']});
    }
    const bad = problems(value);
    if (bad.length) return send(res, 400, {errors: bad});
    if (members.some((m) => m.email.toLowerCase() === value.email.toLowerCase())) {
      return send(res, 409, {error: 'email already registered'});
    }
    const member = {id: members.length + 1, name: value.name, email: value.email, age: value.age};
    members.push(member);
    send(res, 201, member);
  });
}).listen(Number(process.env.PORT));
