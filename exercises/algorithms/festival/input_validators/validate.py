# Line 1: n in [1, 100000]. Then n lines "a b" with 0 <= a < b <= 10^9.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,5}", lines[0])
if ok:
    n = int(lines[0])
    pair = re.compile(r"(0|[1-9][0-9]{0,9}) (0|[1-9][0-9]{0,9})")
    matches = [pair.fullmatch(line) for line in lines[1:-1]]
    ok = n <= 100000 and len(matches) == n and all(
        m and int(m.group(1)) < int(m.group(2)) <= 10**9 for m in matches)
sys.exit(42 if ok else 43)
