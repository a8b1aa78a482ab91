"""Input: one or more lines, each an integer from -1000 to 1000."""
import re
import sys

lines = sys.stdin.read().split("\n")
ok = lines[-1] == "" and len(lines) > 1
ok = ok and all(re.fullmatch(r"-?(0|[1-9][0-9]{0,2}|1000)", line) for line in lines[:-1])
sys.exit(42 if ok else 43)
