# One line: two integers in [-2*10^9, 2*10^9], one space between them.
import re
import sys

NUMBER = r"(0|-?[1-9][0-9]{0,9})"
match = re.fullmatch(NUMBER + " " + NUMBER + r"\n", sys.stdin.read())
ok = match is not None and all(abs(int(x)) <= 2 * 10**9 for x in match.groups())
sys.exit(42 if ok else 43)
