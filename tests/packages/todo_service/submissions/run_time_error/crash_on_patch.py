# Crashes the whole service when a to-do is marked done.
import json
import os
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

db = sqlite3.connect("todos.db", check_same_thread=False)
db.execute("CREATE TABLE IF NOT EXISTS todos (id INTEGER PRIMARY KEY, title TEXT, done INTEGER)")
db.commit()
lock = threading.Lock()


def as_json(row):
    return {"id": row[0], "title": row[1], "done": bool(row[2])}


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            value = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def todo_id(self):
        parts = self.path.split("/")
        if len(parts) == 3 and parts[1] == "todos" and parts[2].isdigit():
            return int(parts[2])
        return None

    def find(self, todo_id):
        return db.execute("SELECT id, title, done FROM todos WHERE id = ?", (todo_id,)).fetchone()

    def do_GET(self):
        with lock:
            if self.path == "/todos":
                rows = db.execute("SELECT id, title, done FROM todos ORDER BY id").fetchall()
                return self.send(200, [as_json(row) for row in rows])
            row = self.find(self.todo_id())
        self.send(200, as_json(row)) if row else self.send(404, {"error": "not found"})

    def do_POST(self):
        value = self.read_json()
        if self.path != "/todos":
            return self.send(404, {"error": "not found"})
        if value is None or not isinstance(value.get("title"), str):
            return self.send(400, {"error": "a JSON object with a title is needed"})
        with lock:
            cursor = db.execute("INSERT INTO todos (title, done) VALUES (?, 0)", (value["title"],))
            db.commit()
            row = self.find(cursor.lastrowid)
        self.send(201, as_json(row))

    def do_PATCH(self):
        value = self.read_json()
        if value.get("done"):
            os._exit(3)  # a bug that takes the whole service down
        with lock:
            row = self.find(self.todo_id())
            if row is None:
                return self.send(404, {"error": "not found"})
            if value is None:
                return self.send(400, {"error": "JSON expected"})
            title = value.get("title", row[1])
            done = value.get("done", bool(row[2]))
            db.execute("UPDATE todos SET title = ?, done = ? WHERE id = ?", (title, int(done), row[0]))
            db.commit()
            row = self.find(row[0])
        self.send(200, as_json(row))

    def do_DELETE(self):
        with lock:
            row = self.find(self.todo_id())
            if row is not None:
                db.execute("DELETE FROM todos WHERE id = ?", (row[0],))
                db.commit()
        self.send(204) if row else self.send(404, {"error": "not found"})

    def log_message(self, format, *args):
        pass


ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Handler).serve_forever()
