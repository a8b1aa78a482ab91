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
SOLUTION = ROOT / "submissions" / "accepted" / "kadane.py"
SEED = 25
random.seed(SEED)


def case(name, text):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([sys.executable, str(SOLUTION)], input=text, text=True,
                            capture_output=True, check=True).stdout
    path.with_suffix(".ans").write_text(answer)


def group(name, max_score):
    """Declares a scoring group: data/secret/NAME with its points."""
    path = ROOT / "data" / "secret" / name
    path.mkdir(parents=True, exist_ok=True)
    (path / "test_group.yaml").write_text(f"max_score: {max_score}\n")


shutil.rmtree(ROOT / "data", ignore_errors=True)

def days(values):
    return f"{len(values)}\n" + " ".join(map(str, values)) + "\n"


case("sample/1", days([-2, 5, -1, 4, -8, 3, 3, -1]))
group("group1", 30)
case("secret/group1/01", days([7]))
case("secret/group1/02", days([-7]))
case("secret/group1/03", days([-5, -2, -9, -1, -3]))
case("secret/group1/04", days([3, -1, -1, 3]))
case("secret/group1/05", days([0, 0, 0]))
case("secret/group1/06", days([random.randint(-10000, 10000) for _ in range(1000)]))
case("secret/group1/07", days([random.randint(-100, 90) for _ in range(1000)]))
group("group2", 70)
case("secret/group2/01", days([random.randint(-10000, 10000) for _ in range(100000)]))
case("secret/group2/02", days([random.randint(-100, 99) for _ in range(100000)]))
case("secret/group2/03", days([10000] * 50000))
case("secret/group2/04", days([-random.randint(1, 10000) for _ in range(50000)]))
