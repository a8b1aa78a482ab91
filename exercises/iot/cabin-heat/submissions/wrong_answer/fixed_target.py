# Ignores the owner's schedule and keeps the room at 21 degrees, with the same PI control
# as the accepted solution: right only while the owner happens to want 21 degrees.
import sys

integral = 0.0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    room = float(parts[2])
    error = 21.0 - room
    integral = max(-300.0, min(300.0, integral + error))
    power = 40 * error + 0.25 * integral
    print("HEAT", max(0, min(100, round(power))), flush=True)
