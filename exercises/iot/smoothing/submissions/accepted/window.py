# Keeps the last five good readings in a deque; ERR lines change nothing.
import sys
from collections import deque

last = deque(maxlen=5)
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    if parts[1] != "ERR":
        last.append(float(parts[1]))
    print("AVG %.2f" % (sum(last) / len(last)), flush=True)
