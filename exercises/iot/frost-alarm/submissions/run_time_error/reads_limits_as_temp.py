# Treats every line as "TEMP <minute> <temperature>": the LIMITS line has no whole-number
# minute, so int("2.0") stops the program at once.
import sys

alarm = False
cold = 0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    minute, temp = int(parts[1]), float(parts[2])
    cold = cold + 1 if temp < 2.0 else 0
    if cold >= 3:
        alarm = True
    elif temp > 4.0:
        alarm = False
    print("ALARM", "ON" if alarm else "OFF", flush=True)
