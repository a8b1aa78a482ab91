# "you X" or "you O", then "seed S".
import re
import sys

sys.exit(42 if re.fullmatch(r"you [XO]\nseed [0-9]+\n", sys.stdin.read()) else 43)
