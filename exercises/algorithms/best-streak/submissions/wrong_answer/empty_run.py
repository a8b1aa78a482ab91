# Allows an empty run: answers 0 when every day is a loss.
import sys

data = sys.stdin.buffer.read().split()
best = ending_here = 0
for value in map(int, data[1:]):
    ending_here = max(0, ending_here + value)
    best = max(best, ending_here)
print(best)
