# One natural number with 1 to 10000 digits and no leading zero.
import re
import sys

sys.exit(42 if re.fullmatch(r"(0|[1-9][0-9]{0,9999})\n", sys.stdin.read()) else 43)
