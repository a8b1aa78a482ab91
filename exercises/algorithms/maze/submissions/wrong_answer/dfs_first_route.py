# Depth-first search with a stack: reports the length of the first route it finds,
# which is not always the shortest.
import sys

lines = sys.stdin.read().split("\n")
r, c = map(int, lines[0].split())
grid = "".join(lines[1:r + 1])
start, goal = grid.index("S"), grid.index("E")
dist = [-1] * (r * c)
dist[start] = 0
stack = [start]
while stack:
    here = stack.pop()
    y, x = divmod(here, c)
    for there, inside in ((here - c, y > 0), (here + c, y < r - 1),
                          (here - 1, x > 0), (here + 1, x < c - 1)):
        if inside and dist[there] < 0 and grid[there] != "#":
            dist[there] = dist[here] + 1
            stack.append(there)
print(dist[goal])
