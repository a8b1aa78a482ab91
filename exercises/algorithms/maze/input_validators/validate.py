# Line 1: R C in [1, 500], R*C >= 2. Then R lines of C characters from ".#SE",
# with exactly one S and one E.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,2} [1-9][0-9]{0,2}", lines[0])
if ok:
    r, c = map(int, lines[0].split())
    grid = lines[1:-1]
    row = re.compile(r"[.#SE]{%d}" % c)
    text = "".join(grid)
    ok = (r <= 500 and c <= 500 and r * c >= 2 and len(grid) == r
          and all(row.fullmatch(line) for line in grid)
          and text.count("S") == 1 and text.count("E") == 1)
sys.exit(42 if ok else 43)
