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
SOLUTION = ROOT / "submissions" / "accepted" / "leaderboard.py"
SEED = 21
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

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def names(count):
    chosen = set()
    while len(chosen) < count:
        chosen.add("".join(random.choice(LETTERS) for _ in range(random.randint(1, 10))))
    return random.sample(sorted(chosen), count)


def board(players):
    return f"{len(players)}\n" + "".join(f"{name} {points}\n" for name, points in players)


case("sample/1", board([("aino", 120), ("yusuf", 300), ("mikko", 120), ("sari", 95)]))
case("secret/01", board([("solo", 0)]))
case("secret/02", board([("b", 5), ("a", 5), ("c", 5)]))
case("secret/03", board([("zed", 1000000), ("amy", 0), ("bob", 999999), ("cy", 1000000)]))
case("secret/04", board([(name, random.randint(0, 10)) for name in names(200)]))
case("secret/05", board([(name, random.randint(0, 10**6)) for name in names(5000)]))
case("secret/06", board([(name, random.randint(0, 1000)) for name in names(50000)]))
