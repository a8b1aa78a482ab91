# Line 1: n in [1, 365]. Line 2: n integers in [-50, 40], single spaces.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) == 3 and lines[2] == "" and re.fullmatch(r"[1-9][0-9]{0,2}", lines[0])
if ok:
    n = int(lines[0])
    values = lines[1].split(" ")
    ok = n <= 365 and len(values) == n and all(
        re.fullmatch(r"0|-?[1-9][0-9]?", v) and -50 <= int(v) <= 40 for v in values)
sys.exit(42 if ok else 43)
