// Two fixed JSON answers and a 404 for everything else, with Node's own http module.
const http = require('http');

const routes = {
  '/health': {status: 'ok'},
  '/version': {name: 'koodikoe-health', version: '1.0.0'},
};

http.createServer((req, res) => {
  const value = req.method === 'GET' ? routes[req.url] : undefined;
  const body = JSON.stringify(value || {error: 'not found'});
  res.writeHead(value ? 200 : 404, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}).listen(Number(process.env.PORT));
