# Bellman-Ford: relaxes every connection up to n - 1 times. Right, and fast enough for
# group 1 (25 points), but n * m steps are far too many for the large groups.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
edges = [(int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])) for i in range(m)]
INFINITY = float("inf")
best = [INFINITY] * (n + 1)
best[1] = 0
for _ in range(n - 1):
    changed = False
    for a, b, t in edges:
        if best[a] + t < best[b]:
            best[b] = best[a] + t
            changed = True
        if best[b] + t < best[a]:
            best[a] = best[b] + t
            changed = True
    if not changed:
        break
print(best[n] if best[n] < INFINITY else -1)
