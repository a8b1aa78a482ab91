# PUT stores the request body as it is, so the note loses its id; and DELETE answers 200
# with a message where the API promises 204 and an empty body.
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

notes = {}
next_id = 1
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def note_id(self):
        tail = self.path[len("/notes/"):]
        return int(tail) if self.path.startswith("/notes/") and tail.isdigit() else None

    def body(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def do_GET(self):
        if self.path == "/notes":
            return self.send(200, list(notes.values()))
        note = notes.get(self.note_id())
        self.send(200, note) if note else self.send(404, {"error": "not found"})

    def do_POST(self):
        global next_id
        with lock:
            note = dict(self.body(), id=next_id)
            notes[next_id] = note
            next_id += 1
        self.send(201, note)

    def do_PUT(self):
        note_id = self.note_id()
        if note_id not in notes:
            return self.send(404, {"error": "not found"})
        notes[note_id] = self.body()
        self.send(200, notes[note_id])

    def do_DELETE(self):
        if notes.pop(self.note_id(), None) is None:
            return self.send(404, {"error": "not found"})
        self.send(200, {"deleted": True})


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
