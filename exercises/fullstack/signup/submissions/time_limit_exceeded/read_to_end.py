# Reads the request body with rfile.read() and no length: it waits for the client to close
# the connection, which the client never does while it waits for the answer.
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

members = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        tail = self.path[len("/members/"):]
        member = members.get(int(tail)) if tail.isdigit() else None
        self.send(200, member) if member else self.send(404, {"error": "not found"})

    def do_POST(self):
        value = json.loads(self.rfile.read())
        member = dict(value, id=len(members) + 1)
        members[member["id"]] = member
        self.send(201, member)


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
