# The bookings of the laundry room, kept in memory. Each function answers
# (HTTP status, JSON value); app.py sends it. The rules are in the exercise's statement.
import threading

lock = threading.Lock()  # hold it while checking and changing the bookings
booked = {}  # id -> {"id", "date", "hour", "flat"}
next_id = 1

OPEN, CLOSE = 7, 21  # the first turn starts at 7, the last at 20


def free_hours(date):
    """GET /api/slots?date=...: (200, {"date": date, "free": [the free hours]})."""
    raise NotImplementedError


def of_flat(flat):
    """GET /api/bookings?flat=...: (200, [the flat's bookings by date and hour])."""
    raise NotImplementedError


def book(request):
    """POST /api/bookings: (201, the booking), (400, ...), or (409, {"error": ...})."""
    raise NotImplementedError


def cancel(booking_id):
    """DELETE /api/bookings/ID: (204, None), or (404, {"error": "not found"})."""
    raise NotImplementedError
