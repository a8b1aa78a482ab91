# SPIRAL k d a, with 1 <= k <= 40 whole, 1 <= d <= 50, k * d <= 200 and 1 <= a <= 179 whole.
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"SPIRAL ([0-9]+) ([0-9]+(\.[0-9]+)?) ([0-9]+)\n", text)
ok = m and 1 <= int(m.group(1)) <= 40 and 1 <= float(m.group(2)) <= 50 \
    and int(m.group(1)) * float(m.group(2)) <= 200 and 1 <= int(m.group(4)) <= 179
sys.exit(42 if ok else 43)
