# One line of 1 to 100 characters: letters and single or repeated spaces, no space at
# either end.
import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"[A-Za-z](?:[A-Za-z ]*[A-Za-z])?\n", data) and len(data) <= 101
sys.exit(42 if ok else 43)
