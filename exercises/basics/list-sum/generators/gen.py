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
SOLUTION = ROOT / "submissions" / "accepted" / "steps.py"
SEED = 8
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

case("sample/1", "4\n5200 8100 300 12000\n")
case("secret/01", "1\n0\n")
case("secret/02", "1\n100000\n")
case("secret/03", "7\n4000 6500 12000 800 9900 15000 7000\n")
case("secret/04", "3\n0 0 5\n")
for i, n in enumerate([30, 365, 1000], 5):
    days = [random.randint(0, 100000) for _ in range(n)]
    case(f"secret/{i:02d}", f"{n}\n{' '.join(map(str, days))}\n")
