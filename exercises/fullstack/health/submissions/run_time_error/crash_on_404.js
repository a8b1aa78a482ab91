// Reads a field of the route's value without checking that the route exists: for an unknown
// path routes[req.url] is undefined, the TypeError is not caught, and Node stops the whole
// server.
const http = require('http');

const routes = {
  '/health': {status: 'ok'},
  '/version': {name: 'koodikoe-health', version: '1.0.0'},
};

http.createServer((req, res) => {
  const value = routes[req.url];
  console.log('answering', req.url, 'with', Object.keys(value).length, 'fields');
  const body = JSON.stringify(value);
  res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}).listen(Number(process.env.PORT));
