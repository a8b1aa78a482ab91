# Never expected a failed reading: float("ERR") stops the program.
import sys
from collections import deque

last = deque(maxlen=5)
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "END":
        break
    last.append(float(parts[1]))
    print("AVG %.2f" % (sum(last) / len(last)), flush=True)
