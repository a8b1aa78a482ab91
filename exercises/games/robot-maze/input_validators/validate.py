# "facing D" (N, E, S or W), then a maze at most 31 x 21: '#', '.', one 'R' inside and one
# 'E' in the outer wall (not a corner), which is otherwise all '#'. The exit can be reached.
import sys

lines = sys.stdin.read().split("\n")
ok = lines[-1] == "" and len(lines) >= 5
lines = lines[:-1]
ok = ok and len(lines[0].split()) == 2 and lines[0].split()[0] == "facing" \
    and lines[0].split()[1] in ("N", "E", "S", "W")
rows = lines[1:]
if ok:
    w, h = len(rows[0]), len(rows)
    ok = 3 <= w <= 31 and 3 <= h <= 21 and all(len(r) == w for r in rows) \
        and all(set(r) <= set("#.RE") for r in rows) \
        and sum(r.count("R") for r in rows) == 1 and sum(r.count("E") for r in rows) == 1
if ok:
    border = [(x, y) for y in range(h) for x in range(w) if x in (0, w - 1) or y in (0, h - 1)]
    ok = all(rows[y][x] in "#E" for x, y in border) and "R" not in rows[0] + rows[-1] \
        and all(r[0] != "R" and r[-1] != "R" for r in rows) \
        and all(rows[y][x] != "E" for x, y in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)])
if ok:
    start = next((x, y) for y, r in enumerate(rows) for x, c in enumerate(r) if c == "R")
    seen, todo = {start}, [start]
    while todo:
        x, y = todo.pop()
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < w and 0 <= ny < h and rows[ny][nx] != "#" and (nx, ny) not in seen:
                seen.add((nx, ny))
                todo.append((nx, ny))
    ok = any(rows[y][x] == "E" for x, y in seen)
sys.exit(42 if ok else 43)
