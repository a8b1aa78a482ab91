// Starts the page at index page * per_page, as if pages were counted from 0: page 1 shows
// the second ten products. And the total is the size of the page, not of the whole result.
const http = require('http');

const products = [];

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST') {
      const value = JSON.parse(text);
      if (!Number.isInteger(value.price) || value.price < 0) return send(res, 400, {error: 'bad price'});
      const product = {id: products.length + 1, ...value};
      products.push(product);
      return send(res, 201, product);
    }
    const params = url.searchParams;
    const page = Number(params.get('page') || 1);
    const perPage = Number(params.get('per_page') || 10);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage > 50) {
      return send(res, 400, {error: 'bad page'});
    }
    const items = products.slice(page * perPage, (page + 1) * perPage);
    send(res, 200, {items, page, per_page: perPage, total: items.length});
  });
}).listen(Number(process.env.PORT));
