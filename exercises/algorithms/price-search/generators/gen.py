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
SOLUTION = ROOT / "submissions" / "accepted" / "bisect_prices.py"
SEED = 23
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

def shop(prices, budgets):
    return (f"{len(prices)} {len(budgets)}\n" + " ".join(map(str, prices)) + "\n"
            + " ".join(map(str, budgets)) + "\n")


def random_shop(n, q, top):
    return shop([random.randint(1, top) for _ in range(n)], [random.randint(1, top) for _ in range(q)])


case("sample/1", shop([30, 10, 50, 20, 20], [20, 5, 100]))
group("group1", 30)
case("secret/group1/01", shop([1], [1, 100000]))
case("secret/group1/02", shop([5, 5, 5, 5], [4, 5, 6]))
case("secret/group1/03", shop([100000, 1, 50000], [1, 49999, 50000, 99999, 100000]))
case("secret/group1/04", random_shop(1000, 1000, 100))
case("secret/group1/05", random_shop(1000, 1000, 100000))
group("group2", 70)
case("secret/group2/01", random_shop(20000, 20000, 1000))
case("secret/group2/02", random_shop(50000, 50000, 100000))
case("secret/group2/03", shop(sorted(random.randint(1, 100000) for _ in range(30000)),
                              [random.randint(1, 100000) for _ in range(30000)]))
