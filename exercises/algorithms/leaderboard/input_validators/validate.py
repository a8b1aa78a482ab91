# Line 1: n in [1, 50000]. Then n lines "name points": distinct names [a-z]{1,10},
# points in [0, 10^6].
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,4}", lines[0])
if ok:
    n = int(lines[0])
    row = re.compile(r"([a-z]{1,10}) (0|[1-9][0-9]{0,6})")
    matches = [row.fullmatch(line) for line in lines[1:-1]]
    ok = (n <= 50000 and len(matches) == n and all(matches)
          and all(int(m.group(2)) <= 10**6 for m in matches)
          and len({m.group(1) for m in matches}) == n)
sys.exit(42 if ok else 43)
