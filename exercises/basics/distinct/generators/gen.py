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
SOLUTION = ROOT / "submissions" / "accepted" / "distinct.py"
SEED = 14
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

case("sample/1", "6\n7 3 7 10 3 7\n")
case("secret/01", "1\n0\n")
case("secret/02", "5\n4 4 4 4 4\n")
case("secret/03", "5\n1 2 3 4 5\n")
case("secret/04", "8\n1000000000 0 1000000000 0 5 5 6 6\n")
case("secret/05", "10\n3 1 4 1 5 9 2 6 5 3\n")
small = [random.randint(1, 50) for _ in range(1000)]
case("secret/06", f"1000\n{' '.join(map(str, small))}\n")
unique = random.sample(range(10**9 + 1), 100000)
case("secret/07", f"100000\n{' '.join(map(str, unique))}\n")
mixed = [random.randint(0, 60000) for _ in range(100000)]
case("secret/08", f"100000\n{' '.join(map(str, mixed))}\n")
