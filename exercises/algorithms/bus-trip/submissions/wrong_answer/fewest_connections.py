# Breadth-first search for the route with the fewest connections, then adds up its
# times. Right when every time is 1 (group 2, 25 points), wrong otherwise.
import sys
from collections import deque

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
roads = [[] for _ in range(n + 1)]
for i in range(m):
    a, b, t = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
    roads[a].append((b, t))
    roads[b].append((a, t))
time = [-1] * (n + 1)
time[1] = 0
queue = deque([1])
while queue:
    stop = queue.popleft()
    for other, t in roads[stop]:
        if time[other] < 0:
            time[other] = time[stop] + t
            queue.append(other)
print(time[n])
