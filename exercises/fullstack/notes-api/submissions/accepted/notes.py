# Notes in a dict keyed by id; the next id only ever grows, so a deleted id is never reused.
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

notes = {}
next_id = 1
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def note_id(self):
        parts = self.path.split("/")
        if len(parts) == 3 and parts[1] == "notes" and parts[2].isdigit():
            return int(parts[2])
        return None

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length))
        except ValueError:
            return None

    def do_GET(self):
        with lock:
            if self.path == "/notes":
                return self.send(200, list(notes.values()))
            note = notes.get(self.note_id())
        if note is None:
            return self.send(404, {"error": "not found"})
        self.send(200, note)

    def do_POST(self):
        global next_id
        value = self.body()
        if self.path != "/notes":
            return self.send(404, {"error": "not found"})
        if not isinstance(value, dict):
            return self.send(400, {"error": "a JSON object is needed"})
        with lock:
            note = {"id": next_id, "text": value.get("text"), "shop": value.get("shop")}
            notes[next_id] = note
            next_id += 1
        self.send(201, note)

    def do_PUT(self):
        value = self.body()
        with lock:
            note_id = self.note_id()
            if note_id not in notes:
                return self.send(404, {"error": "not found"})
            if not isinstance(value, dict):
                return self.send(400, {"error": "a JSON object is needed"})
            note = {"id": note_id, "text": value.get("text"), "shop": value.get("shop")}
            notes[note_id] = note
        self.send(200, note)

    def do_DELETE(self):
        with lock:
            if notes.pop(self.note_id(), None) is None:
                return self.send(404, {"error": "not found"})
        self.send(204)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
