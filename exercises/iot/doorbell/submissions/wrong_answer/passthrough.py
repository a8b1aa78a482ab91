# No debouncing at all: every bounce becomes a press of its own.
import sys

for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    print("STATE", parts[2], flush=True)
