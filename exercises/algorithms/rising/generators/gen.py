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
SOLUTION = ROOT / "submissions" / "accepted" / "patience.py"
SEED = 31
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

def prices(values):
    return f"{len(values)}\n" + " ".join(map(str, values)) + "\n"


def walk(n, step):
    """A random walk: prices that drift up and down like a real share."""
    value, values = 5 * 10**8, []
    for _ in range(n):
        value = min(10**9, max(1, value + random.randint(-step, step)))
        values.append(value)
    return values


case("sample/1", prices([5, 2, 8, 6, 3, 6, 9, 7]))
group("group1", 40)
group("group2", 60)
(ROOT / "data" / "secret" / "group1" / "test_group.yaml").write_text(
    "max_score: 40\ninput_validator_args: ['2000']\n")
case("secret/group1/01", prices([42]))
case("secret/group1/02", prices([7, 7, 7, 7]))
case("secret/group1/03", prices([9, 8, 7, 6, 5]))
case("secret/group1/04", prices([1, 2, 2, 3, 3, 4]))
case("secret/group1/05", prices([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]))
case("secret/group1/06", prices([random.randint(1, 10**9) for _ in range(2000)]))
case("secret/group1/07", prices(walk(2000, 1000)))
case("secret/group2/01", prices([random.randint(1, 10**6) for _ in range(100000)]))
case("secret/group2/02", prices(walk(40000, 10**6)))
case("secret/group2/03", prices([random.randint(1, 100) for _ in range(100000)]))
