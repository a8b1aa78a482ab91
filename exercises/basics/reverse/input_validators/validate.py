# One word of 1 to 100 ASCII letters on its own line.
import re
import sys

sys.exit(42 if re.fullmatch(r"[A-Za-z]{1,100}\n", sys.stdin.read()) else 43)
