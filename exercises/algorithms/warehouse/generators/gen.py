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
SOLUTION = ROOT / "submissions" / "accepted" / "fenwick.py"
SEED = 32
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

def warehouse(amounts, messages):
    return (f"{len(amounts)} {len(messages)}\n" + " ".join(map(str, amounts)) + "\n"
            + "".join(m + "\n" for m in messages))


def random_day(n, q, changes):
    """q messages; a share `changes` of them are changes that keep every shelf >= 0."""
    amounts = [random.randint(0, 1000) for _ in range(n)]
    shelves = [0] + amounts[:]
    messages = []
    for _ in range(q):
        if random.random() < changes:
            i = random.randint(1, n)
            x = random.randint(-min(1000, shelves[i]), 1000)
            shelves[i] += x
            messages.append(f"+ {i} {x}")
        else:
            l = random.randint(1, n)
            r = random.randint(l, n) if random.random() < 0.5 else random.randint(l, min(n, l + 10))
            messages.append(f"? {l} {r}")
    return warehouse(amounts, messages)


case("sample/1", warehouse([3, 0, 4, 1, 2], ["? 1 3", "+ 2 5", "? 2 4", "? 5 5"]))
group("group1", 30)
group("group2", 30)
group("group3", 40)
for name, score, args in (("group1", 30, "['max', '1000']"), ("group2", 30, "['questions']")):
    (ROOT / "data" / "secret" / name / "test_group.yaml").write_text(
        f"max_score: {score}\ninput_validator_args: {args}\n")
case("secret/group1/01", warehouse([0], ["? 1 1", "+ 1 1000", "? 1 1", "+ 1 -1000", "? 1 1"]))
case("secret/group1/02", warehouse([5, 5, 5], ["? 1 3", "? 2 2", "+ 3 -5", "? 1 3", "? 3 3"]))
case("secret/group1/03", random_day(1000, 1000, 0.5))
case("secret/group1/04", random_day(1000, 1000, 0.1))
case("secret/group2/01", warehouse([7], ["? 1 1"]))
case("secret/group2/02", random_day(50000, 20000, 0))
case("secret/group3/01", random_day(50000, 20000, 0.5))
case("secret/group3/02", random_day(50000, 20000, 0.9))
# Every question spans the whole warehouse: adding the shelves up one by one is hopeless here
# on any machine, so the slow submissions' scores do not depend on the machine's speed.
case("secret/group3/03", warehouse([random.randint(0, 1000) for _ in range(50000)],
                                   ["? 1 50000"] * 20000))
