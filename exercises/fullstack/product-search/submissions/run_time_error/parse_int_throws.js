// Like a good solution, but a bad query parameter is turned into an error with throw that
// nothing catches: the first bad page number stops the whole server.
const http = require('http');

const products = [];

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)});
  res.end(body);
}

function number(params, key, fallback, low, high) {
  if (!params.has(key)) return fallback;
  const value = Number(params.get(key));
  if (!Number.isInteger(value) || value < low || value > high) throw new RangeError('bad ' + key);
  return value;
}

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== '/products') return send(res, 404, {error: 'not found'});
    if (req.method === 'POST') {
      let value = null;
      try {
        value = JSON.parse(text);
      } catch (e) {
        value = null;
      }
      if (!value || typeof value.name !== 'string' || typeof value.category !== 'string' ||
          !Number.isInteger(value.price) || value.price < 0) {
        return send(res, 400, {error: 'name, category and a price in cents are needed'});
      }
      const product = {id: products.length + 1, name: value.name, category: value.category, price: value.price};
      products.push(product);
      return send(res, 201, product);
    }
    const params = url.searchParams;
    const page = number(params, 'page', 1, 1, 1e9);
    const perPage = number(params, 'per_page', 10, 1, 50);
    const low = number(params, 'min_price', 0, 0, 1e9);
    const high = number(params, 'max_price', Infinity, 0, 1e9);
    const category = params.get('category');
    const q = (params.get('q') || '').toLowerCase();
    const found = products.filter((p) =>
      (category === null || p.category === category) && p.price >= low && p.price <= high &&
      p.name.toLowerCase().includes(q));
    const items = found.slice((page - 1) * perPage, page * perPage);
    send(res, 200, {items, page, per_page: perPage, total: found.length});
  });
}).listen(Number(process.env.PORT));
