# Tries every start day and extends the run day by day: n * n / 2 steps.
# Fast enough for group 1 (30 points).
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
values = list(map(int, data[1:n + 1]))
best = values[0]
for start in range(n):
    total = 0
    for end in range(start, n):
        total += values[end]
        if total > best:
            best = total
print(best)
