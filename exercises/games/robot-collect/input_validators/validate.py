# A room: walls '#' all round and nowhere else, floor '.', items '*' (at least one), the
# robot 'R' in the north-west corner; at most 20 x 12 squares inside.
import sys

rows = sys.stdin.read().split("\n")
ok = rows[-1] == "" and len(rows) >= 4
rows = rows[:-1]
if ok:
    width = len(rows[0])
    inside = [r[1:-1] for r in rows[1:-1]]
    ok = 3 <= width <= 22 and len(rows) <= 14 and all(len(r) == width for r in rows) \
        and set(rows[0]) == {"#"} and set(rows[-1]) == {"#"} \
        and all(r[0] == "#" and r[-1] == "#" for r in rows) \
        and all(set(r) <= set(".*R") for r in inside) and inside[0][0] == "R" \
        and sum(r.count("R") for r in inside) == 1 and sum(r.count("*") for r in inside) >= 1
sys.exit(42 if ok else 43)
