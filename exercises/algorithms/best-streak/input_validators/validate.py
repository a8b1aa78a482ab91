# Line 1: n in [1, 100000]. Line 2: n integers in [-10000, 10000].
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) == 3 and lines[2] == "" and re.fullmatch(r"[1-9][0-9]{0,5}", lines[0])
if ok:
    n = int(lines[0])
    values = lines[1].split(" ")
    number = re.compile(r"0|-?[1-9][0-9]{0,4}")
    ok = n <= 100000 and len(values) == n and all(
        number.fullmatch(v) and abs(int(v)) <= 10000 for v in values)
sys.exit(42 if ok else 43)
