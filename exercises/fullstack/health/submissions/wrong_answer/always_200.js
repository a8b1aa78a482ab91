// Answers every address with the health status, so a typo in a monitor's address goes
// unnoticed: /healthz should be 404.
const http = require('http');

http.createServer((req, res) => {
  const value = req.url === '/version'
    ? {name: 'koodikoe-health', version: '1.0.0'}
    : {status: 'ok'};
  const body = JSON.stringify(value);
  res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}).listen(Number(process.env.PORT));
