# Two fixed JSON answers and a 404 for everything else, with the standard library's server.
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES = {
    "/health": {"status": "ok"},
    "/version": {"name": "koodikoe-health", "version": "1.0.0"},
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        value = ROUTES.get(self.path)
        status = 200 if value else 404
        body = json.dumps(value or {"error": "not found"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
