#!/usr/bin/env python3
"""Writes this exercise's test data: data/sample and data/secret.

The answers (.ans) are what the accepted Python solution prints, so run this again
after changing the cases or the solution:  python3 generators/gen.py
"""
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTION = ROOT / "submissions" / "accepted" / "sum.py"
SEED = 2
random.seed(SEED)


def case(name, text):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([sys.executable, str(SOLUTION)], input=text, text=True,
                            capture_output=True, check=True).stdout
    path.with_suffix(".ans").write_text(answer)


shutil.rmtree(ROOT / "data", ignore_errors=True)

case("sample/1", "2 3\n")
tests = ["-4 10", "0 0", "1000000000 1000000000", "-1000000000 -1000000000", "123 -456",
         "7 35", "999999999 1", "2000000000 2000000000", "-2000000000 -2000000000",
         "1500000000 1500000000"]
for i, line in enumerate(tests, 1):
    case(f"secret/{i:02d}", line + "\n")
