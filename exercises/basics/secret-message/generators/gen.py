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
SOLUTION = ROOT / "submissions" / "accepted" / "caesar.py"
SEED = 18
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

case("sample/1", "3\nhei maailma xyz\n")
tests = [(0, "ei muutosta"), (1, "z"), (25, "abc"), (13, "koodikoe on kiva"),
         (7, "the quick brown fox jumps over the lazy dog"), (3, "a  b")]
for i, (k, message) in enumerate(tests, 1):
    case(f"secret/{i:02d}", f"{k}\n{message}\n")
letters = "abcdefghijklmnopqrstuvwxyz"
long_message = "".join(random.choice(letters + "  ") for _ in range(198))
case("secret/07", f"{random.randint(1, 25)}\n{'x' + long_message.strip() + 'y'}\n")
