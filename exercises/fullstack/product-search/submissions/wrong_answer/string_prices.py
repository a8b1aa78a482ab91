# Compares prices as they come in the address, as text: "900" > "1000" because "9" > "1",
# so the price filters let the wrong products through.
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

products = []


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
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        for key in ("page", "per_page", "min_price", "max_price"):
            if key in query and not query[key].isdigit():
                return self.send(400, {"error": "bad " + key})
        page = int(query.get("page", 1))
        per_page = int(query.get("per_page", 10))
        if page < 1 or not 1 <= per_page <= 50:
            return self.send(400, {"error": "bad page"})
        found = [p for p in products
                 if query.get("category", p["category"]) == p["category"]
                 and str(p["price"]) >= query.get("min_price", "")
                 and ("max_price" not in query or str(p["price"]) <= query["max_price"])
                 and query.get("q", "").lower() in p["name"].lower()]
        start = (page - 1) * per_page
        self.send(200, {"items": found[start:start + per_page], "page": page,
                        "per_page": per_page, "total": len(found)})

    def do_POST(self):
        value = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if type(value.get("price")) is not int or value["price"] < 0:
            return self.send(400, {"error": "bad price"})
        product = {"id": len(products) + 1, "name": value["name"],
                   "category": value["category"], "price": value["price"]}
        products.append(product)
        self.send(201, product)


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
