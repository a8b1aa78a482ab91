# "board W H" (2..12 each, W * H even), "apples N" (1 <= N < W * H), "seed S".
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"board ([0-9]+) ([0-9]+)\napples ([0-9]+)\nseed ([0-9]+)\n", text)
ok = False
if m:
    w, h, n = int(m.group(1)), int(m.group(2)), int(m.group(3))
    ok = 2 <= w <= 12 and 2 <= h <= 12 and (w * h) % 2 == 0 and 1 <= n < w * h
sys.exit(42 if ok else 43)
