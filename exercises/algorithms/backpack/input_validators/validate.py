# Line 1: n in [1, 100], W in [1, 10000]. Then n lines "w v", w in [1, 10000],
# v in [1, 10^6]. The secret groups pass their own largest n as an argument.
import re
import sys

max_n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,2} [1-9][0-9]{0,4}", lines[0])
if ok:
    n, w = map(int, lines[0].split())
    item = re.compile(r"([1-9][0-9]{0,4}) ([1-9][0-9]{0,6})")
    matches = [item.fullmatch(line) for line in lines[1:-1]]
    ok = n <= min(100, max_n) and w <= 10000 and len(matches) == n and all(
        m and int(m.group(1)) <= 10000 and int(m.group(2)) <= 10**6 for m in matches)
sys.exit(42 if ok else 43)
