# Recursive search that improves distances as it goes. Correct, but it recurses as deep
# as the route is long, and Python stops at a depth of 1000 (RecursionError).
import sys

lines = sys.stdin.read().split("\n")
r, c = map(int, lines[0].split())
grid = "".join(lines[1:r + 1])
start, goal = grid.index("S"), grid.index("E")
dist = [-1] * (r * c)


def visit(here, d):
    if grid[here] == "#" or (0 <= dist[here] <= d):
        return
    dist[here] = d
    y, x = divmod(here, c)
    if y > 0:
        visit(here - c, d + 1)
    if y < r - 1:
        visit(here + c, d + 1)
    if x > 0:
        visit(here - 1, d + 1)
    if x < c - 1:
        visit(here + 1, d + 1)


visit(start, 0)
print(dist[goal])
