# No debouncing: every bounce and spike becomes a press.
import sys

for line in sys.stdin:
    parts = line.split()
    if parts[0] != "SAMPLE":
        break
    print(parts[2], flush=True)
