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
SOLUTION = ROOT / "submissions" / "accepted" / "dijkstra.py"
SEED = 29
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

def city(n, edges):
    return f"{n} {len(edges)}\n" + "".join(f"{a} {b} {t}\n" for a, b, t in edges)


def random_city(n, m, slowest):
    """A random city whose stops are joined along a shuffled path first, then at random."""
    order = list(range(1, n + 1))
    random.shuffle(order)
    edges = [(order[i], order[i + 1], random.randint(1, slowest)) for i in range(min(n - 1, m))]
    while len(edges) < m:
        a, b = random.sample(range(1, n + 1), 2)
        edges.append((a, b, random.randint(1, slowest)))
    random.shuffle(edges)
    return city(n, edges)


def line_city(n, slowest):
    """Stops 1, 2, ..., n in a row, with long shortcuts that do not pay off."""
    edges = [(i, i + 1, random.randint(1, slowest)) for i in range(1, n)]
    for _ in range(n // 2):
        a = random.randint(1, n - 2)
        b = random.randint(a + 2, min(n, a + 50))
        edges.append((a, b, 1000))
    random.shuffle(edges)
    return city(n, edges)


case("sample/1", city(4, [(1, 2, 10), (2, 4, 10), (1, 3, 3), (3, 4, 25)]))
group("group1", 25)
group("group2", 25)
group("group3", 50)
for name, args in (("group1", "['max', '1000']"), ("group2", "['unit']")):
    (ROOT / "data" / "secret" / name / "test_group.yaml").write_text(
        f"max_score: {25}\ninput_validator_args: {args}\n")
case("secret/group1/01", city(2, [(1, 2, 7)]))
case("secret/group1/02", city(2, []))
case("secret/group1/03", city(5, [(1, 2, 1), (2, 3, 1), (4, 5, 1)]))
case("secret/group1/04", city(3, [(1, 3, 100), (1, 2, 1), (2, 3, 1), (3, 1, 50)]))
case("secret/group1/05", random_city(1000, 1000, 1000))
case("secret/group1/06", line_city(600, 20))
case("secret/group2/01", city(3, [(1, 2, 1), (2, 3, 1), (1, 3, 1)]))
case("secret/group2/02", random_city(20000, 40000, 1))
# The edges of a long line listed from its far end: a slow method needs one round per stop.
case("secret/group2/03", city(20000, [(i + 1, i, 1) for i in range(19999, 0, -1)]))
case("secret/group3/01", random_city(20000, 45000, 1000))
case("secret/group3/02", line_city(20000, 1000))
case("secret/group3/03", random_city(5000, 5000, 10))
# A long line listed from its far end, as in group 2 but with real times: one round per stop
# makes Bellman-Ford hopeless here on any machine, so its score does not depend on the
# machine's speed.
case("secret/group3/04", city(20000, [(i + 1, i, random.randint(1, 1000))
                                      for i in range(19999, 0, -1)]))
