"""Input: one integer from 1 to 3."""
import sys

sys.exit(42 if sys.stdin.read() in ("1\n", "2\n", "3\n") else 43)
