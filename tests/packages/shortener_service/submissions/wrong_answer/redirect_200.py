# Answers 200 with the URL in the body instead of redirecting with 302 and Location.
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

urls, hits, lock = {}, {}, threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None, headers=()):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        for name, text in headers:
            self.send_header(name, text)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            url = json.loads(self.rfile.read(length))["url"]
        except (ValueError, KeyError, TypeError):
            return self.send(400, {"error": "bad request"})
        if not url.startswith(("http://", "https://")):
            return self.send(400, {"error": "bad url"})
        with lock:
            code = "k%d" % (len(urls) + 1)
            urls[code], hits[code] = url, 0
        self.send(201, {"code": code, "url": url})

    def do_GET(self):
        with lock:
            if self.path.startswith("/stats/"):
                code = self.path[7:]
                if code not in urls:
                    return self.send(404, {"error": "unknown"})
                return self.send(200, {"url": urls[code], "hits": hits[code]})
            code = self.path[1:]
            if code not in urls:
                return self.send(404, {"error": "unknown"})
            hits[code] += 1
            self.send(200, {"url": urls[code]})

    def log_message(self, format, *args):
        pass


ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Handler).serve_forever()
