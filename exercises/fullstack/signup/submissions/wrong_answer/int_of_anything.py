# Converts the age with int(): "17", 17.5 and true all become numbers and pass, and the
# email check only looks for an @.
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

members = {}


class Handler(BaseHTTPRequestHandler):
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
        text = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self.send(415, {"error": "Content-Type must be application/json"})
        try:
            value = json.loads(text)
            assert isinstance(value, dict)
        except (ValueError, AssertionError):
            return self.send(400, {"errors": ["body"]})
        bad = []
        if not isinstance(value.get("name"), str) or not value["name"].strip() or len(value["name"]) > 50:
            bad.append("name")
        if "@" not in str(value.get("email", "")):
            bad.append("email")
        try:
            if not 13 <= int(value.get("age")) <= 120:
                bad.append("age")
        except (TypeError, ValueError):
            bad.append("age")
        if bad:
            return self.send(400, {"errors": sorted(bad)})
        if any(m["email"].lower() == value["email"].lower() for m in members.values()):
            return self.send(409, {"error": "email already registered"})
        member = {"id": len(members) + 1, "name": value["name"], "email": value["email"],
                  "age": int(value["age"])}
        members[member["id"]] = member
        self.send(201, member)


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
