# Answers "ok" as plain text: a person can read it, but a monitoring tool expecting JSON
# cannot.
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            status, body = 200, b"ok"
        elif self.path == "/version":
            status, body = 200, b"koodikoe-health 1.0.0"
        else:
            status, body = 404, b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
