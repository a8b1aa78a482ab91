import heapq
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
roads = [[] for _ in range(n + 1)]
for i in range(m):
    a, b, t = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
    roads[a].append((b, t))
    roads[b].append((a, t))
INFINITY = float("inf")
best = [INFINITY] * (n + 1)
best[1] = 0
queue = [(0, 1)]
while queue:
    time, stop = heapq.heappop(queue)
    if time > best[stop]:
        continue
    if stop == n:
        break
    for other, t in roads[stop]:
        if time + t < best[other]:
            best[other] = time + t
            heapq.heappush(queue, (time + t, other))
print(best[n] if best[n] < INFINITY else -1)
