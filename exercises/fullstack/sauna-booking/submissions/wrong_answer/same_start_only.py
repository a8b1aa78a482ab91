# Only refuses a booking that starts at exactly the same hour as another: a turn that
# starts in the middle of someone else's turn gets through.
import datetime
import json
import os
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

db = sqlite3.connect("bookings.db", check_same_thread=False)
db.execute("CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY AUTOINCREMENT, "
           "sauna TEXT, date TEXT, start INTEGER, hours INTEGER, name TEXT)")
db.commit()
lock = threading.Lock()
COLUMNS = "id, sauna, date, start, hours, name"


def as_json(row):
    return dict(zip(["id", "sauna", "date", "start", "hours", "name"], row))


def valid(value):
    if not isinstance(value, dict) or value.get("sauna") not in ("A", "B"):
        return False
    date = value.get("date")
    if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return False
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return False
    start, hours, name = value.get("start"), value.get("hours"), value.get("name")
    return type(start) is int and type(hours) is int and 1 <= hours <= 3 and 8 <= start \
        and start + hours <= 22 and isinstance(name, str) and name.strip() != ""


class Handler(BaseHTTPRequestHandler):
    def send(self, status, value=None):
        body = b"" if value is None else json.dumps(value).encode()
        self.send_response(status)
        if value is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        where, args = [], []
        for key in ("sauna", "date"):
            if key in query:
                where.append(key + " = ?")
                args.append(query[key])
        condition = " WHERE " + " AND ".join(where) if where else ""
        with lock:
            rows = db.execute("SELECT " + COLUMNS + " FROM bookings" + condition +
                              " ORDER BY date, start, sauna, id", args).fetchall()
        if url.path == "/bookings":
            return self.send(200, [as_json(row) for row in rows])
        if url.path == "/free" and "sauna" in query and "date" in query:
            taken = {hour for row in rows for hour in range(row[3], row[3] + row[4])}
            free = [hour for hour in range(8, 22) if hour not in taken]
            return self.send(200, {"sauna": query["sauna"], "date": query["date"], "free": free})
        self.send(404, {"error": "not found"})

    def do_POST(self):
        text = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != "/bookings":
            return self.send(404, {"error": "not found"})
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not valid(value):
            return self.send(400, {"error": "sauna A or B, a date YYYY-MM-DD, 1 to 3 hours "
                                            "between 8 and 22, and a name are needed"})
        start, end = value["start"], value["start"] + value["hours"]
        with lock:
            clash = db.execute("SELECT COUNT(*) FROM bookings WHERE sauna = ? AND date = ? "
                               "AND start = ?",
                               (value["sauna"], value["date"], start)).fetchone()[0]
            if clash:
                return self.send(409, {"error": "already booked"})
            cursor = db.execute("INSERT INTO bookings (sauna, date, start, hours, name) "
                                "VALUES (?, ?, ?, ?, ?)", (value["sauna"], value["date"], start,
                                                           value["hours"], value["name"]))
            db.commit()
            row = db.execute("SELECT " + COLUMNS + " FROM bookings WHERE id = ?",
                             (cursor.lastrowid,)).fetchone()
        self.send(201, as_json(row))

    def do_DELETE(self):
        parts = self.path.split("/")
        if len(parts) != 3 or parts[1] != "bookings" or not parts[2].isdigit():
            return self.send(404, {"error": "not found"})
        with lock:
            cursor = db.execute("DELETE FROM bookings WHERE id = ?", (int(parts[2]),))
            db.commit()
        if cursor.rowcount == 0:
            return self.send(404, {"error": "not found"})
        self.send(204)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler).serve_forever()
