# Counts the cold readings in a row; only a reading above the high limit clears the alarm.
import sys

low = high = 0.0
alarm = False
cold = 0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "LIMITS":
        low, high = float(parts[1]), float(parts[2])
        continue
    if parts[0] == "END":
        break
    temp = float(parts[2])
    cold = cold + 1 if temp < low else 0
    if cold >= 3:
        alarm = True
    elif temp > high:
        alarm = False
    print("ALARM", "ON" if alarm else "OFF", flush=True)
