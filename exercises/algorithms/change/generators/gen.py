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
SOLUTION = ROOT / "submissions" / "accepted" / "change.py"
SEED = 22
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

def questions(amounts):
    return f"{len(amounts)}\n" + "".join(f"{a}\n" for a in amounts)


case("sample/1", questions([65, 380, 0]))
case("secret/01", questions([1, 2, 3, 4, 7, 8, 9, 40, 80, 90, 99, 400, 888, 9999]))
case("secret/02", questions([50000, 49999, 100000, 1000000000, 999999999]))
case("secret/03", questions([random.randint(0, 1000) for _ in range(1000)]))
case("secret/04", questions([random.randint(9 * 10**8, 10**9) for _ in range(10000)]))
