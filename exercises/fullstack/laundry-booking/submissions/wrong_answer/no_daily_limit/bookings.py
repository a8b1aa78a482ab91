# The bookings of the laundry room, kept in memory. Each function answers
# (HTTP status, JSON value); app.py sends it. Checking and booking happen under one lock,
# so two flats never get the same turn. A flat may book the whole day: the daily limit is
# missing.
import datetime
import re
import threading

lock = threading.Lock()
booked = {}  # id -> {"id", "date", "hour", "flat"}
next_id = 1

OPEN, CLOSE = 7, 21  # the first turn starts at 7, the last at 20


def valid_date(date):
    if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return False
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return False
    return True


def free_hours(date):
    if not valid_date(date):
        return 400, {"error": "date must be YYYY-MM-DD"}
    with lock:
        taken = {b["hour"] for b in booked.values() if b["date"] == date}
    return 200, {"date": date, "free": [h for h in range(OPEN, CLOSE) if h not in taken]}


def of_flat(flat):
    with lock:
        mine = [b for b in booked.values() if flat is None or b["flat"] == flat]
    return 200, sorted(mine, key=lambda b: (b["date"], b["hour"]))


def book(request):
    global next_id
    if not isinstance(request, dict) or not valid_date(request.get("date")):
        return 400, {"error": "date must be YYYY-MM-DD"}
    hour, flat = request.get("hour"), request.get("flat")
    if type(hour) is not int or not OPEN <= hour < CLOSE:
        return 400, {"error": f"hour must be {OPEN} to {CLOSE - 1}"}
    if not isinstance(flat, str) or not flat.strip():
        return 400, {"error": "flat must be given"}
    date = request["date"]
    with lock:
        that_day = [b for b in booked.values() if b["date"] == date]
        if any(b["hour"] == hour for b in that_day):
            return 409, {"error": "taken"}
        booking = {"id": next_id, "date": date, "hour": hour, "flat": flat}
        booked[next_id] = booking
        next_id += 1
    return 201, booking


def cancel(booking_id):
    with lock:
        if booked.pop(booking_id, None) is None:
            return 404, {"error": "not found"}
    return 204, None
