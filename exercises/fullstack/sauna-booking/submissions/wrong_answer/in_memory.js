// Keeps the bookings only in memory: everything is forgotten when the service restarts.
const http = require('http');

const state = {nextId: 1, bookings: []};
const save = () => {};

function send(res, status, value) {
  const body = value === undefined ? '' : JSON.stringify(value);
  const headers = {'Content-Length': Buffer.byteLength(body)};
  if (value !== undefined) headers['Content-Type'] = 'application/json';
  res.writeHead(status, headers);
  res.end(body);
}

function valid(v) {
  if (!v || typeof v !== 'object' || !['A', 'B'].includes(v.sauna)) return false;
  if (typeof v.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) return false;
  const day = new Date(v.date + 'T00:00:00Z');
  if (isNaN(day) || day.toISOString().slice(0, 10) !== v.date) return false;
  return Number.isInteger(v.start) && Number.isInteger(v.hours) && v.hours >= 1 && v.hours <= 3 &&
    v.start >= 8 && v.start + v.hours <= 22 && typeof v.name === 'string' && v.name.trim() !== '';
}

const order = (a, b) => a.date.localeCompare(b.date) || a.start - b.start ||
  a.sauna.localeCompare(b.sauna) || a.id - b.id;

http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    const sauna = url.searchParams.get('sauna');
    const date = url.searchParams.get('date');
    const chosen = state.bookings
      .filter((b) => (sauna === null || b.sauna === sauna) && (date === null || b.date === date))
      .sort(order);
    if (req.method === 'GET' && url.pathname === '/bookings') return send(res, 200, chosen);
    if (req.method === 'GET' && url.pathname === '/free' && sauna !== null && date !== null) {
      const free = [];
      for (let hour = 8; hour < 22; hour++) {
        if (!chosen.some((b) => b.start <= hour && hour < b.start + b.hours)) free.push(hour);
      }
      return send(res, 200, {sauna, date, free});
    }
    if (req.method === 'POST' && url.pathname === '/bookings') {
      let v = null;
      try {
        v = JSON.parse(text);
      } catch (e) {
        v = null;
      }
      if (!valid(v)) {
        return send(res, 400, {error: 'sauna A or B, a date YYYY-MM-DD, 1 to 3 hours between 8 and 22, and a name are needed'});
      }
      const clash = state.bookings.some((b) => b.sauna === v.sauna && b.date === v.date &&
        b.start < v.start + v.hours && v.start < b.start + b.hours);
      if (clash) return send(res, 409, {error: 'already booked'});
      const booking = {id: state.nextId++, sauna: v.sauna, date: v.date, start: v.start, hours: v.hours, name: v.name};
      state.bookings.push(booking);
      save();
      return send(res, 201, booking);
    }
    const match = /^\/bookings\/(\d+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && match) {
      const index = state.bookings.findIndex((b) => b.id === Number(match[1]));
      if (index < 0) return send(res, 404, {error: 'not found'});
      state.bookings.splice(index, 1);
      save();
      return send(res, 204);
    }
    send(res, 404, {error: 'not found'});
  });
}).listen(Number(process.env.PORT));
