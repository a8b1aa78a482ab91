# Heats at full power all day: far too hot.
import sys

for line in sys.stdin:
    if line.startswith("TEMP"):
        print("HEAT 100", flush=True)
    elif line.startswith("END"):
        break
