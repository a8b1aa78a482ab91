// Calls name.trim() before checking that the name is a string: a number or a missing name
// throws a TypeError that nothing catches, and Node stops the server.
const http = require('http');

const members = [];

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
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
    if (!(req.headers['content-type'] || '').startsWith('application/json')) {
      return send(res, 415, {error: 'Content-Type must be application/json'});
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return send(res, 400, {errors: ['body']});
    }
    const bad = [];
    if (value.name.trim() === '' || value.name.length > 50) bad.push('name');
    const parts = String(value.email).split('@');
    if (parts.length !== 2 || !parts[0] || !parts[1].includes('.')) bad.push('email');
    if (!Number.isInteger(value.age) || value.age < 13 || value.age > 120) bad.push('age');
    if (bad.length) return send(res, 400, {errors: bad.sort()});
    const member = {id: members.length + 1, name: value.name, email: value.email, age: value.age};
    members.push(member);
    send(res, 201, member);
  });
}).listen(Number(process.env.PORT));
