# A map: a rectangle of '#', '.', one 'R' (the robot, facing east) and one 'G' (the goal),
# walled all round, at most 30 x 20. The goal is never west of the robot, and the way east
# and then north or south to it is free of walls.
import sys

rows = sys.stdin.read().split("\n")
ok = rows[-1] == "" and len(rows) >= 4
rows = rows[:-1]
if ok:
    width = len(rows[0])
    ok = 3 <= width <= 30 and len(rows) <= 20 and all(len(r) == width for r in rows) \
        and all(set(r) <= set("#.RG") for r in rows) \
        and sum(r.count("R") for r in rows) == 1 and sum(r.count("G") for r in rows) == 1 \
        and set(rows[0]) == {"#"} and set(rows[-1]) == {"#"} \
        and all(r[0] == "#" and r[-1] == "#" for r in rows)
if ok:
    at = {c: (r.index(c), y) for y, r in enumerate(rows) for c in "RG" if c in r}
    (rx, ry), (gx, gy) = at["R"], at["G"]
    step = 1 if gy >= ry else -1
    path = [(x, ry) for x in range(rx, gx + 1)] + [(gx, y) for y in range(ry, gy + step, step)]
    ok = gx >= rx and all(rows[y][x] != "#" for x, y in path)
sys.exit(42 if ok else 43)
