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
SOLUTION = ROOT / "submissions" / "accepted" / "words.py"
SEED = 13
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

case("sample/1", "Tervetuloa   koodaamaan   kaikki\n")
lines = ["Hei", "  alku ja loppu  ", "yksi kaksi kolme", "aaa bbb ccc", "ab abc abd",
         "Ohjelmointi on kivaa ja joskus vaikeaa",
         "a b c d e f g h i j k l m n o p q r s t u v w x y z"]
for i, line in enumerate(lines, 1):
    case(f"secret/{i:02d}", line + "\n")
letters = "abcdefghijklmnopqrstuvwxyz"
words = ["".join(random.choice(letters) for _ in range(random.randint(1, 12))) for _ in range(120)]
line = ""
for word in words:
    gap = " " * random.randint(1, 3)
    if len(line) + len(gap) + len(word) > 1000:
        break
    line += gap + word
case("secret/08", line + "\n")
