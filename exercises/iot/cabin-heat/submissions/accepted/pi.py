# A PI controller: power from the error now and from the error summed over time, with the
# sum kept within limits so it does not wind up while the radiator is at full power.
import sys

integral = 0.0
last_target = None
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    room, target = float(parts[2]), float(parts[4])
    error = target - room
    integral = max(-300.0, min(300.0, integral + error))
    power = 40 * error + 0.25 * integral
    print("HEAT", max(0, min(100, round(power))), flush=True)
