# Correct dynamic programming over the gigs sorted by end, but every gig looks at all
# the earlier ones: n * n / 2 steps.
import sys

data = sys.stdin.buffer.read().split()
gigs = sorted(zip(map(int, data[2::2]), map(int, data[1::2])))  # (end, start)
best = []
for i, (end, start) in enumerate(gigs):
    value = 1
    for j in range(i):
        if gigs[j][0] <= start and best[j] + 1 > value:
            value = best[j] + 1
    best.append(max(value, best[-1] if best else 0))
print(best[-1])
