# No hysteresis: the alarm follows a single limit and flickers on and off around it.
import sys

low = 0.0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "LIMITS":
        low = float(parts[1])
        continue
    if parts[0] == "END":
        break
    print("ALARM", "ON" if float(parts[2]) < low else "OFF", flush=True)
