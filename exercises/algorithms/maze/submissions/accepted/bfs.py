import sys
from collections import deque

lines = sys.stdin.read().split("\n")
r, c = map(int, lines[0].split())
grid = "".join(lines[1:r + 1])  # square (y, x) is grid[y * c + x]
start, goal = grid.index("S"), grid.index("E")
dist = [-1] * (r * c)
dist[start] = 0
queue = deque([start])
while queue:
    here = queue.popleft()
    if here == goal:
        break
    y, x = divmod(here, c)
    for there, inside in ((here - c, y > 0), (here + c, y < r - 1),
                          (here - 1, x > 0), (here + 1, x < c - 1)):
        if inside and dist[there] < 0 and grid[there] != "#":
            dist[there] = dist[here] + 1
            queue.append(there)
print(dist[goal])
