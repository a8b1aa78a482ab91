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
SOLUTION = ROOT / "submissions" / "accepted" / "frost.py"
SEED = 12
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

case("sample/1", "5\n-3 0 2 -12 4\n")
case("secret/01", "1\n0\n")
case("secret/02", "1\n-50\n")
case("secret/03", "4\n12 15 20 9\n")
case("secret/04", "3\n-5 -8 -1\n")
case("secret/05", "6\n0 0 0 -1 0 1\n")
for i, n in enumerate([31, 365], 6):
    temps = [random.randint(-50, 40) for _ in range(n)]
    case(f"secret/{i:02d}", f"{n}\n{' '.join(map(str, temps))}\n")
