# Controls well all day, but reads the last line, END, as a temperature line too and
# crashes with an IndexError instead of stopping cleanly.
import sys

integral = 0.0
for line in sys.stdin:
    parts = line.split()
    room, target = float(parts[2]), float(parts[4])
    error = target - room
    integral = max(-300.0, min(300.0, integral + error))
    print("HEAT", max(0, min(100, round(40 * error + 0.25 * integral))), flush=True)
