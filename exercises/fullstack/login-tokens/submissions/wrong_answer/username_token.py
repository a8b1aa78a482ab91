# Uses the username itself as the token: anyone who knows a username can send
# "Authorization: Bearer aino" and read Aino's diary.
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

users = {}    # username -> (salt, hash)
tokens = {}   # token -> username
notes = {}    # username -> list of notes
next_id = 1
lock = threading.Lock()
USERNAME = re.compile(r"[a-z0-9_]{3,20}")


def hashed(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 10000)


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        try:
            value = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def user(self):
        header = self.headers.get("Authorization") or ""
        if not header.startswith("Bearer "):
            return None
        with lock:
            return tokens.get(header[len("Bearer "):])

    def do_GET(self):
        user = self.user()
        if self.path not in ("/me", "/notes"):
            return self.send(404, {"error": "not found"})
        if user is None:
            return self.send(401, {"error": "log in first"})
        if self.path == "/me":
            return self.send(200, {"username": user})
        with lock:
            self.send(200, list(notes.get(user, [])))

    def do_POST(self):
        global next_id
        value = self.body()
        if self.path == "/register":
            name, password = value.get("username"), value.get("password")
            if not isinstance(name, str) or not USERNAME.fullmatch(name) \
                    or not isinstance(password, str) or len(password) < 8:
                return self.send(400, {"error": "a username of 3 to 20 letters a-z, digits or _ "
                                                "and a password of at least 8 characters"})
            salt = os.urandom(16)
            with lock:
                if name in users:
                    return self.send(409, {"error": "username taken"})
                users[name] = (salt, hashed(password, salt))
            return self.send(201, {"username": name})
        if self.path == "/login":
            name, password = value.get("username"), value.get("password")
            with lock:
                stored = users.get(name) if isinstance(name, str) else None
            if stored is None or not isinstance(password, str) \
                    or not hmac.compare_digest(stored[1], hashed(password, stored[0])):
                return self.send(401, {"error": "wrong username or password"})
            token = name
            with lock:
                tokens[token] = name
            return self.send(200, {"token": token})
        user = self.user()
        if self.path not in ("/logout", "/notes"):
            return self.send(404, {"error": "not found"})
        if user is None:
            return self.send(401, {"error": "log in first"})
        if self.path == "/logout":
            with lock:
                tokens.pop(self.headers["Authorization"][len("Bearer "):], None)
            return self.send(204)
        if not isinstance(value.get("text"), str):
            return self.send(400, {"error": "a text is needed"})
        with lock:
            note = {"id": next_id, "text": value["text"]}
            next_id += 1
            notes.setdefault(user, []).append(note)
        self.send(201, note)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
