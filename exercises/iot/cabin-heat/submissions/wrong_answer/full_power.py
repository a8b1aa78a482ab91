# Heats at full power whatever the room's temperature: the cabin turns into a sauna.
import sys

for line in sys.stdin:
    if line.startswith("END"):
        break
    print("HEAT 100", flush=True)
