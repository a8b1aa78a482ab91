# SQUARE n, with 1 <= n <= 500 (a whole number or a decimal number).
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"SQUARE ([0-9]+(\.[0-9]+)?)\n", text)
sys.exit(42 if m and 1 <= float(m.group(1)) <= 500 else 43)
