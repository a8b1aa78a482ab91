"""Input: two integers from 0 to 1000 on one line."""
import re
import sys

ok = re.fullmatch(r"(0|[1-9][0-9]{0,2}|1000) (0|[1-9][0-9]{0,2}|1000)\n", sys.stdin.read())
sys.exit(42 if ok else 43)
