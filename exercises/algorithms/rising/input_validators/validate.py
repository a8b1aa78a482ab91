# Line 1: n in [1, 100000] (or at most the group's argument). Line 2: n integers in
# [1, 10^9].
import re
import sys

max_n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
lines = sys.stdin.read().split("\n")
ok = len(lines) == 3 and lines[2] == "" and re.fullmatch(r"[1-9][0-9]{0,5}", lines[0])
if ok:
    n = int(lines[0])
    values = lines[1].split(" ")
    number = re.compile(r"[1-9][0-9]{0,9}")
    ok = n <= min(100000, max_n) and len(values) == n and all(
        number.fullmatch(v) and int(v) <= 10**9 for v in values)
sys.exit(42 if ok else 43)
