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
SOLUTION = ROOT / "submissions" / "accepted" / "earliest_end.py"
SEED = 24
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

def festival(gigs):
    return f"{len(gigs)}\n" + "".join(f"{a} {b}\n" for a, b in gigs)


def random_gigs(n, day, longest):
    gigs = []
    for _ in range(n):
        a = random.randint(0, day - 1)
        gigs.append((a, min(day, a + random.randint(1, longest))))
    return gigs


case("sample/1", festival([(60, 180), (120, 150), (150, 240), (200, 260)]))
case("secret/01", festival([(0, 1000000000)]))
case("secret/02", festival([(0, 10), (10, 20), (20, 30), (30, 40)]))
case("secret/03", festival([(0, 100), (1, 2), (3, 4), (5, 6), (7, 8)]))
case("secret/04", festival([(5, 9), (5, 9), (5, 9)]))
case("secret/05", festival([(1, 10), (2, 3), (4, 5), (3, 4), (9, 12), (11, 13)]))
case("secret/06", festival(random_gigs(1000, 10000, 300)))
case("secret/07", festival(random_gigs(20000, 10**9, 10**5)))
case("secret/08", festival(random_gigs(80000, 10**6, 1000)))
