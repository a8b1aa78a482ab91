# The web server: the front page and its files from static/, the API under /api/ from the
# functions of bookings.py. Listens on the port in the environment variable PORT.
import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import bookings

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css"}


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None, body=None, content_type="application/json"):
        if value is not None:
            body = json.dumps(value).encode()
        body = body or b""
        self.send_response(status)
        if status != 204:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def static_file(self, name):
        path = os.path.join(STATIC, name)
        if "/" in name or not os.path.isfile(path):
            return self.send(404, {"error": "not found"})
        with open(path, "rb") as file:
            kind = TYPES.get(os.path.splitext(name)[1], "application/octet-stream")
            self.send(200, body=file.read(), content_type=kind)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return None

    def answer(self, outcome):
        status, value = outcome
        self.send(status, value)

    def api(self, method):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        one = re.fullmatch(r"/api/bookings/(\d+)", url.path)
        try:
            if method == "GET" and url.path == "/api/slots":
                return self.answer(bookings.free_hours(query.get("date")))
            if method == "GET" and url.path == "/api/bookings":
                return self.answer(bookings.of_flat(query.get("flat")))
            if method == "POST" and url.path == "/api/bookings":
                return self.answer(bookings.book(self.read_json()))
            if method == "DELETE" and one:
                return self.answer(bookings.cancel(int(one.group(1))))
        except NotImplementedError:
            return self.send(501, {"error": "not implemented yet"})
        self.send(404, {"error": "not found"})

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/":
            return self.static_file("index.html")
        if path.startswith("/static/"):
            return self.static_file(path[len("/static/"):])
        self.api("GET")

    def do_POST(self):
        self.api("POST")

    def do_DELETE(self):
        self.api("DELETE")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ.get("PORT", "8000"))), Handler).serve_forever()
