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
SOLUTION = ROOT / "submissions" / "accepted" / "match.py"
SEED = 1883
random.seed(SEED)


def case(name, filters, topics):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    text = f"{len(filters)}\n" + "".join(f + "\n" for f in filters)
    text += f"{len(topics)}\n" + "".join(t + "\n" for t in topics)
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([sys.executable, str(SOLUTION)], input=text, text=True,
                            capture_output=True, check=True).stdout
    path.with_suffix(".ans").write_text(answer)


shutil.rmtree(ROOT / "data", ignore_errors=True)

case("sample/1",
     ["home/kitchen/temp", "home/+/temp", "home/#"],
     ["home/kitchen/temp", "home/sauna/temp", "home/sauna/humidity", "office/kitchen/temp"])
case("secret/01", ["#"], ["a", "a/b", "a/b/c/d/e/f/g/h/i/j"])
case("secret/02", ["home/#", "home/+", "+/+", "+"],
     ["home", "home/x", "home/x/y", "garden", "garden/x"])
case("secret/03", ["home/kitchen/temp", "home/kitchen", "home/+/temp/+"],
     ["home", "home/kitchen", "home/kitchen/temp", "home/kitchen/temp/max", "kitchen/temp"])
case("secret/04", ["+/+/+", "a/+/c", "a/b/#", "a/b/c/#", "+/b/#"],
     ["a/b/c", "a/x/c", "a/b", "a/b/c/d", "x/b", "x/y/z", "a/b/c/d/e"])
case("secret/05", ["sensors/+/temperature", "sensors/sauna/#"],
     ["sensors/sauna", "sensors/temperature", "sensors/sauna/temperature",
      "sensors/sauna-2/temperature", "sensors/sauna/temperature/raw"])

WORDS = ["home", "office", "garage", "kitchen", "sauna", "hall", "temp", "humidity", "co2",
         "door", "light", "lux", "raw", "avg", "1", "2", "3", "node-7", "room_12", "status"]


def random_topic():
    return "/".join(random.choice(WORDS[:8] if i == 0 else WORDS)
                    for i in range(random.randint(1, 5)))


def random_filter(topic):
    levels = topic.split("/")
    out = []
    for level in levels:
        r = random.random()
        out.append("+" if r < 0.25 else random.choice(WORDS) if r < 0.35 else level)
    if random.random() < 0.3:
        out = out[:random.randint(0, len(out))] + ["#"]
    elif random.random() < 0.2:
        out.append(random.choice(WORDS + ["+"]))
    return "/".join(out)


for n, (nf, nt) in enumerate([(20, 200), (100, 1000), (100, 1000)], start=6):
    topics = [random_topic() for _ in range(nt)]
    filters = [random_filter(random.choice(topics)) for _ in range(nf)]
    case(f"secret/{n:02d}", filters, topics)
