# Line 1: k in [0, 25]. Line 2: 1 to 200 characters, a-z and spaces, no space at either end.
import re
import sys

lines = sys.stdin.read().split("\n")
ok = (len(lines) == 3 and lines[2] == "" and re.fullmatch(r"0|[1-9][0-9]?", lines[0])
      and int(lines[0]) <= 25 and len(lines[1]) <= 200
      and re.fullmatch(r"[a-z](?:[a-z ]*[a-z])?", lines[1]))
sys.exit(42 if ok else 43)
