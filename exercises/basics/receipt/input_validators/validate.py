# Line 1: n in [1, 100]. Then n lines "name price": name [a-z]{1,20}, price like 2.49.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,2}", lines[0])
if ok:
    n = int(lines[0])
    item = re.compile(r"[a-z]{1,20} (0|[1-9][0-9]{0,2})\.[0-9]{2}")
    ok = n <= 100 and len(lines) == n + 2 and all(item.fullmatch(x) for x in lines[1:-1])
sys.exit(42 if ok else 43)
