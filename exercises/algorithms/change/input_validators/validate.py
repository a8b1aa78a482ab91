# Line 1: q in [1, 10000]. Then q lines, each an integer in [0, 10^9].
import re
import sys

lines = sys.stdin.read().split("\n")
ok = len(lines) >= 3 and lines[-1] == "" and re.fullmatch(r"[1-9][0-9]{0,4}", lines[0])
if ok:
    q = int(lines[0])
    number = re.compile(r"0|[1-9][0-9]{0,9}")
    ok = q <= 10000 and len(lines) == q + 2 and all(
        number.fullmatch(x) and int(x) <= 10**9 for x in lines[1:-1])
sys.exit(42 if ok else 43)
