# Proportional control around the target: smooth power, little overshoot.
import sys

target = 21.0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "TARGET":
        target = float(parts[1])
        continue
    if parts[0] == "END":
        break
    temp = float(parts[2])
    power = max(0, min(100, round(50 + 120 * (target - temp))))
    print("HEAT", power, flush=True)
