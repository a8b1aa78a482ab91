# Checks every field and collects the names of the bad ones, sorted.
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

members = {}
lock = threading.Lock()


def problems(value):
    bad = []
    name = value.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 50:
        bad.append("name")
    email = value.get("email")
    if not isinstance(email, str) or email.count("@") != 1:
        bad.append("email")
    else:
        user, domain = email.split("@")
        if not user or "." not in domain or domain.startswith(".") or domain.endswith("."):
            bad.append("email")
    age = value.get("age")
    if type(age) is not int or not 13 <= age <= 120:
        bad.append("age")
    return sorted(bad)


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("/")
        member = None
        if len(parts) == 3 and parts[1] == "members" and parts[2].isdigit():
            member = members.get(int(parts[2]))
        if member is None:
            return self.send(404, {"error": "not found"})
        self.send(200, member)

    def do_POST(self):
        text = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != "/members":
            return self.send(404, {"error": "not found"})
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self.send(415, {"error": "Content-Type must be application/json"})
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            return self.send(400, {"errors": ["body"]})
        bad = problems(value)
        if bad:
            return self.send(400, {"errors": bad})
        with lock:
            if any(m["email"].lower() == value["email"].lower() for m in members.values()):
                return self.send(409, {"error": "email already registered"})
            member = {"id": len(members) + 1, "name": value["name"], "email": value["email"],
                      "age": value["age"]}
            members[member["id"]] = member
        self.send(201, member)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
