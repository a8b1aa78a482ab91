import re
import sys

data = sys.stdin.read()
sys.exit(42 if re.fullmatch(r"[A-Za-z]{1,100}\n", data) else 43)
