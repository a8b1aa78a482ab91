# Bang-bang with a band far too wide: comfortable only part of the day.
import sys

target, on = 21.0, False
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "TARGET":
        target = float(parts[1])
    elif parts[0] == "TEMP":
        temp = float(parts[2])
        if temp < target - 0.9:
            on = True
        if temp > target + 0.9:
            on = False
        print("HEAT", 100 if on else 0, flush=True)
    else:
        break
