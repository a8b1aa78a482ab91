# Products in an SQLite table; the filters become a WHERE clause with ? parameters, and the
# page becomes LIMIT and OFFSET.
import json
import os
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

db = sqlite3.connect(":memory:", check_same_thread=False)
db.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, category TEXT, price INTEGER)")
lock = threading.Lock()
WHOLE = re.compile(r"0|[1-9][0-9]{0,9}")


def as_json(row):
    return {"id": row[0], "name": row[1], "category": row[2], "price": row[3]}


class BadQuery(Exception):
    pass


def number(query, key, default, low, high):
    if key not in query:
        return default
    text = query[key][0]
    if not WHOLE.fullmatch(text) or not low <= int(text) <= high:
        raise BadQuery(key)
    return int(text)


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path != "/products":
            return self.send(404, {"error": "not found"})
        query = parse_qs(url.query, keep_blank_values=True)
        try:
            page = number(query, "page", 1, 1, 10**9)
            per_page = number(query, "per_page", 10, 1, 50)
            low = number(query, "min_price", None, 0, 10**9)
            high = number(query, "max_price", None, 0, 10**9)
        except BadQuery as bad:
            return self.send(400, {"error": "bad value for " + str(bad)})
        where, args = [], []
        if "category" in query:
            where.append("category = ?")
            args.append(query["category"][0])
        if low is not None:
            where.append("price >= ?")
            args.append(low)
        if high is not None:
            where.append("price <= ?")
            args.append(high)
        if "q" in query:
            where.append("instr(lower(name), lower(?)) > 0")
            args.append(query["q"][0])
        condition = " WHERE " + " AND ".join(where) if where else ""
        with lock:
            total = db.execute("SELECT COUNT(*) FROM products" + condition, args).fetchone()[0]
            rows = db.execute("SELECT id, name, category, price FROM products" + condition +
                              " ORDER BY id LIMIT ? OFFSET ?",
                              args + [per_page, (page - 1) * per_page]).fetchall()
        self.send(200, {"items": [as_json(r) for r in rows], "page": page,
                        "per_page": per_page, "total": total})

    def do_POST(self):
        text = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != "/products":
            return self.send(404, {"error": "not found"})
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        ok = isinstance(value, dict) and isinstance(value.get("name"), str) \
            and isinstance(value.get("category"), str) and type(value.get("price")) is int \
            and value["price"] >= 0
        if not ok:
            return self.send(400, {"error": "name, category and a price in cents are needed"})
        with lock:
            cursor = db.execute("INSERT INTO products (name, category, price) VALUES (?, ?, ?)",
                                (value["name"], value["category"], value["price"]))
            row = db.execute("SELECT id, name, category, price FROM products WHERE id = ?",
                             (cursor.lastrowid,)).fetchone()
        self.send(201, as_json(row))

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
