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
SOLUTION = ROOT / "submissions" / "accepted" / "receipt.py"
SEED = 17
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

case("sample/1", "3\nmaito 1.10\nleipa 2.20\nomena 0.30\n")
case("secret/01", "1\npurkka 0.05\n")
case("secret/02", "2\nkahvi 4.95\npulla 2.10\n")
case("secret/03", "1\npolkupyora 999.99\n")
case("secret/04", "3\na 0.10\nb 0.20\nc 0.30\n")
case("secret/05", "4\nbanaani 0.25\nbanaani 0.25\nbanaani 0.25\nbanaani 0.30\n")
products = ["maito", "leipa", "juusto", "kahvi", "tee", "omena", "peruna", "kaurahiutale",
            "pasta", "riisi", "tomaatti", "kurkku", "jogurtti", "mehu", "suklaa"]
for i, n in enumerate([20, 100], 6):
    lines = [f"{random.choice(products)} {random.randint(0, 2999) / 100:.2f}" for _ in range(n)]
    case(f"secret/{i:02d}", f"{n}\n" + "\n".join(lines) + "\n")
case("secret/08", "100\n" + "\n".join(["kallis 999.99"] * 100) + "\n")
