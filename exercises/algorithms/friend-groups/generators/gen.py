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
SOLUTION = ROOT / "submissions" / "accepted" / "union_find.py"
SEED = 27
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

def workshop(n, pairs):
    return f"{n} {len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


def random_pairs(n, m):
    pairs = []
    for _ in range(m):
        a = random.randint(1, n)
        b = random.randint(1, n - 1)
        pairs.append((a, b if b < a else b + 1))
    return pairs


case("sample/1", workshop(6, [(1, 2), (2, 3), (4, 5), (3, 1)]))
case("secret/01", workshop(1, []))
case("secret/02", workshop(5, []))
case("secret/03", workshop(2, [(1, 2), (2, 1), (1, 2)]))
case("secret/04", workshop(4, [(1, 2), (3, 4), (2, 3), (4, 1)]))
case("secret/05", workshop(10, [(1, 10), (2, 9), (3, 8)]))
case("secret/06", workshop(1000, random_pairs(1000, 600)))
order = list(range(1, 70001))
random.shuffle(order)
case("secret/07", workshop(70000, [(order[i], order[i + 1]) for i in range(69999)]))
case("secret/08", workshop(100000, random_pairs(100000, 30000)))
case("secret/09", workshop(100000, random_pairs(300, 30000)))
