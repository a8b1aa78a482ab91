"""Input: one integer from 0 to 1000."""
import re
import sys

sys.exit(42 if re.fullmatch(r"(0|[1-9][0-9]{0,2}|1000)\n", sys.stdin.read()) else 43)
