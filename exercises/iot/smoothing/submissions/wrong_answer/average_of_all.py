# Averages every reading so far instead of the last five: lags behind the real temperature.
import sys

total = count = 0
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    if parts[1] != "ERR":
        total += float(parts[1])
        count += 1
    print("AVG %.2f" % (total / count), flush=True)
