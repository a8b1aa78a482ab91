// Writes the version with res.write() but never calls res.end(): the answer is never
// finished, and the monitoring tool waits until it gives up.
const http = require('http');

http.createServer((req, res) => {
  if (req.url === '/version') {
    res.writeHead(200, {'Content-Type': 'application/json'});
    res.write(JSON.stringify({name: 'koodikoe-health', version: '1.0.0'}));
    return;
  }
  const found = req.url === '/health';
  const body = JSON.stringify(found ? {status: 'ok'} : {error: 'not found'});
  res.writeHead(found ? 200 : 404, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}).listen(Number(process.env.PORT));
