# Line 1: n in [2, 20000], m in [0, 50000]. Then m lines "a b t", a != b in [1, n],
# t in [1, 1000]. Optional arguments from the groups: "max N" (n and m at most N) and
# "unit" (every t is 1).
import re
import sys

args = sys.argv[1:]
limit = int(args[args.index("max") + 1]) if "max" in args else 50000
unit = "unit" in args
lines = sys.stdin.read().split("\n")
ok = len(lines) >= 2 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,4} (0|[1-9][0-9]{0,4})", lines[0])
if ok:
    n, m = map(int, lines[0].split())
    edge = re.compile(r"([1-9][0-9]{0,4}) ([1-9][0-9]{0,4}) ([1-9][0-9]{0,3})")
    edges = [edge.fullmatch(line) for line in lines[1:-1]]
    ok = (2 <= n <= min(20000, limit) and m <= min(50000, limit) and len(edges) == m
          and all(e and int(e.group(1)) <= n and int(e.group(2)) <= n
                  and e.group(1) != e.group(2) and int(e.group(3)) <= 1000
                  and (not unit or e.group(3) == "1") for e in edges))
sys.exit(42 if ok else 43)
