# Line 1: n q in [1, 50000]. Line 2: n integers, line 3: q integers, all in [1, 100000].
import re
import sys

lines = sys.stdin.read().split("\n")
number = re.compile(r"[1-9][0-9]{0,5}")


def numbers(line, count):
    parts = line.split(" ")
    return len(parts) == count and all(number.fullmatch(p) and int(p) <= 100000 for p in parts)


ok = len(lines) == 4 and lines[3] == "" and re.fullmatch(r"[1-9][0-9]{0,4} [1-9][0-9]{0,4}", lines[0])
if ok:
    n, q = map(int, lines[0].split())
    ok = n <= 50000 and q <= 50000 and numbers(lines[1], n) and numbers(lines[2], q)
sys.exit(42 if ok else 43)
