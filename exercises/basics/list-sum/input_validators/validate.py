# Line 1: n in [1, 1000]. Line 2: n integers in [0, 100000], single spaces.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) == 3 and lines[2] == "" and re.fullmatch(r"[1-9][0-9]{0,3}", lines[0])
if ok:
    n = int(lines[0])
    values = lines[1].split(" ")
    ok = 1 <= n <= 1000 and len(values) == n and all(
        re.fullmatch(r"0|[1-9][0-9]{0,5}", v) and int(v) <= 100000 for v in values)
sys.exit(42 if ok else 43)
