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
SOLUTION = ROOT / "submissions" / "accepted" / "kahn.py"
SEED = 30
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

def plan(n, pairs):
    return f"{n} {len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


def layered(n, m, layers):
    """Random requirements that only go from a lower layer to a higher one: no cycles."""
    layer = [0] + [random.randrange(layers) for _ in range(n)]
    pairs = []
    while len(pairs) < m:
        a, b = random.sample(range(1, n + 1), 2)
        if layer[a] != layer[b]:
            pairs.append((a, b) if layer[a] < layer[b] else (b, a))
    return plan(n, pairs)


case("sample/1", plan(5, [(1, 2), (1, 3), (3, 4), (2, 4)]))
case("secret/01", plan(1, []))
case("secret/02", plan(3, []))
case("secret/03", plan(2, [(1, 2), (2, 1)]))
case("secret/04", plan(4, [(1, 2), (2, 3), (3, 2), (1, 4)]))
case("secret/05", plan(4, [(4, 3), (3, 2), (2, 1)]))
case("secret/06", plan(3, [(1, 2), (1, 2), (2, 3)]))
case("secret/07", layered(1000, 3000, 20))
order = list(range(1, 50001))
random.shuffle(order)
case("secret/08", plan(50000, [(order[i], order[i + 1]) for i in range(49999)]))
case("secret/09", layered(100000, 50000, 300))
ring = list(range(1, 30001))
random.shuffle(ring)
chain = [(ring[i], ring[i + 1]) for i in range(29999)] + [(ring[29999], ring[0])]
random.shuffle(chain)
case("secret/10", plan(30000, chain))
