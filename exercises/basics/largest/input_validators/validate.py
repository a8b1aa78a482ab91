# One line: three integers in [0, 10^6] separated by single spaces.
import re
import sys

NUMBER = r"(0|[1-9][0-9]{0,6})"
match = re.fullmatch(" ".join([NUMBER] * 3) + r"\n", sys.stdin.read())
ok = match is not None and all(int(x) <= 10**6 for x in match.groups())
sys.exit(42 if ok else 43)
