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
SOLUTION = ROOT / "submissions" / "accepted" / "knapsack.py"
SEED = 28
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

def backpack(capacity, items):
    return f"{len(items)} {capacity}\n" + "".join(f"{w} {v}\n" for w, v in items)


def random_items(n, heaviest, top):
    return [(random.randint(1, heaviest), random.randint(1, top)) for _ in range(n)]


case("sample/1", backpack(10, [(5, 10), (4, 40), (6, 30), (3, 50)]))
group("group1", 30)
(ROOT / "data" / "secret" / "group1" / "test_group.yaml").write_text(
    "max_score: 30\ninput_validator_args: ['15']\n")
case("secret/group1/01", backpack(1, [(2, 100)]))
case("secret/group1/02", backpack(10, [(10, 7), (5, 4), (5, 4)]))
case("secret/group1/03", backpack(6, [(3, 5), (3, 5), (4, 9)]))
case("secret/group1/04", backpack(10000, random_items(15, 2000, 10**6)))
case("secret/group1/05", backpack(500, random_items(15, 200, 1000)))
group("group2", 70)
case("secret/group2/01", backpack(10000, random_items(100, 10000, 10**6)))
case("secret/group2/02", backpack(10000, random_items(100, 500, 1000)))
case("secret/group2/03", backpack(9999, [(w, w * 100 + random.randint(-50, 50)) for w, _ in random_items(100, 3000, 1)]))
case("secret/group2/04", backpack(5000, random_items(60, 400, 10**6)))
