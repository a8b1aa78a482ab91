# One integer in [1, 10000] on its own line.
import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"[1-9][0-9]{0,4}\n", data) and int(data) <= 10000
sys.exit(42 if ok else 43)
