"""Input: n from 1 to {{max_n}}."""
import sys

MAX_N = {{max_n}}
text = sys.stdin.read()
sys.exit(42 if text.strip().isdigit() and text == f"{int(text)}\n" and 1 <= int(text) <= MAX_N else 43)
