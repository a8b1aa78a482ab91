# STAIRS k s, with 1 <= k <= 30 whole and 1 <= s <= 100, k * s <= 500.
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"STAIRS ([0-9]+) ([0-9]+(\.[0-9]+)?)\n", text)
ok = m and 1 <= int(m.group(1)) <= 30 and 1 <= float(m.group(2)) <= 100 \
    and int(m.group(1)) * float(m.group(2)) <= 500
sys.exit(42 if ok else 43)
