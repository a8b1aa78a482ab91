# Integrating debouncer: follow the raw input only after 5 equal samples in a row.
import sys

state, count = 0, 0
for line in sys.stdin:
    parts = line.split()
    if parts[0] != "SAMPLE":
        break
    raw = int(parts[2])
    count = count + 1 if raw != state else 0
    if count >= 5:
        state, count = raw, 0
    sys.stdout.write("%d\n" % state)
    sys.stdout.flush()
