"""Input: an integer from 1 to 1000 and the word leave or linger."""
import re
import sys

text = sys.stdin.read()
sys.exit(42 if re.fullmatch(r"([1-9][0-9]{0,2}|1000) (leave|linger)\n", text) else 43)
