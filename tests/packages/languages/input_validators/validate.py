"""Input: a radius from 1 to 1000. Also checks that input validators run with the
environment every program of the package gets (TMPDIR was once missing)."""
import os
import re
import sys

valid = re.fullmatch(r"([1-9][0-9]{0,2}|1000)\n", sys.stdin.read()) is not None
same_environment = os.environ.get("TMPDIR") == "/tmp" and os.environ.get("HOME") == "/tmp"
sys.exit(42 if valid and same_environment else 43)
