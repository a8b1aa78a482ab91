# Line 1: n in [1, 200000]. Line 2: n bytes, each two upper-case hex digits, single spaces.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) == 3 and lines[2] == "" and re.fullmatch(r"[1-9][0-9]{0,5}", lines[0])
if ok:
    n = int(lines[0])
    ok = n <= 200000 and re.fullmatch(r"[0-9A-F]{2}( [0-9A-F]{2})*", lines[1]) is not None \
        and len(lines[1]) == 3 * n - 1
sys.exit(42 if ok else 43)
