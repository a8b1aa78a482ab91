# Line 1: n in [1, 100000], m in [0, 100000]. Then m lines "a b", a != b in [1, n].
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 2 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,5} (0|[1-9][0-9]{0,5})", lines[0])
if ok:
    n, m = map(int, lines[0].split())
    pair = re.compile(r"([1-9][0-9]{0,5}) ([1-9][0-9]{0,5})")
    pairs = [pair.fullmatch(line) for line in lines[1:-1]]
    ok = n <= 100000 and m <= 100000 and len(pairs) == m and all(
        p and int(p.group(1)) <= n and int(p.group(2)) <= n and p.group(1) != p.group(2)
        for p in pairs)
sys.exit(42 if ok else 43)
