# Counts how many samples in a row the raw signal has had its current value; the state
# follows only after five.
import sys

state = 0
last = None
run = 0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    value = int(parts[2])
    run = run + 1 if value == last else 1
    last = value
    if run >= 5:
        state = value
    print("STATE", state, flush=True)
