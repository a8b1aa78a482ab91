import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"(0|[1-9][0-9]{0,5})\n", data) is not None
sys.exit(42 if ok else 43)
