# One line of 1 to 1000 characters: ASCII letters and spaces, at least one letter.
import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"[A-Za-z ]*[A-Za-z][A-Za-z ]*\n", data) and len(data) <= 1001
sys.exit(42 if ok else 43)
