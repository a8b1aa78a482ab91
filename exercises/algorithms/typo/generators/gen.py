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
SOLUTION = ROOT / "submissions" / "accepted" / "rows.py"
SEED = 33
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

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def words(first, second):
    return f"{first}\n{second}\n"


def word(length, letters=LETTERS):
    return "".join(random.choice(letters) for _ in range(length))


def typo(text, changes):
    """The text with a few random inserts, deletes and replacements."""
    text = list(text)
    for _ in range(changes):
        kind = random.randrange(3)
        i = random.randrange(len(text) + (kind == 0))
        if kind == 0:
            text.insert(i, random.choice(LETTERS))
        elif kind == 1 and len(text) > 1:
            del text[i]
        else:
            text[min(i, len(text) - 1)] = random.choice(LETTERS)
    return "".join(text)


case("sample/1", words("kissa", "kisko"))
group("group1", 30)
group("group2", 70)
(ROOT / "data" / "secret" / "group1" / "test_group.yaml").write_text(
    "max_score: 30\ninput_validator_args: ['8']\n")
case("secret/group1/01", words("a", "a"))
case("secret/group1/02", words("a", "b"))
case("secret/group1/03", words("koodi", "koodikoe"))
case("secret/group1/04", words("abcdefgh", "bcdefgha"))
case("secret/group1/05", words("kirja", "kirjasto"))
case("secret/group1/06", words(word(8, "ab"), word(8, "ab")))
case("secret/group1/07", words(word(8), word(7)))
case("secret/group2/01", words("ohjelmointi", "ohjelmoija"))
base = word(1000)
case("secret/group2/02", words(base, typo(base, 40)[:1000]))
case("secret/group2/03", words(word(1000, "abc"), word(1000, "abc")))
case("secret/group2/04", words(word(1000), word(3)))
case("secret/group2/05", words("a" * 1000, "b" * 1000))
