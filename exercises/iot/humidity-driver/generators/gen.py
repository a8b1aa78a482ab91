#!/usr/bin/env python3
"""Writes this exercise's test data: data/sample and data/secret.

The answers (.ans) are what the accepted C driver prints when it is compiled with the C
grader, so run this again after changing the cases, the grader or the driver:
python3 generators/gen.py   (needs cc)
"""
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 2121
random.seed(SEED)

work = Path(tempfile.mkdtemp())
BINARY = work / "driver"
subprocess.run(["cc", "-O2", "-I", str(ROOT / "graders" / "c"), "-o", str(BINARY),
                str(ROOT / "graders" / "c" / "grader.c"),
                str(ROOT / "submissions" / "accepted" / "driver.c")], check=True)


def case(name, lines):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    text = "".join(line + "\n" for line in lines)
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([str(BINARY)], input=text, text=True, capture_output=True,
                            check=True).stdout
    path.with_suffix(".ans").write_text(answer)


shutil.rmtree(ROOT / "data", ignore_errors=True)

case("sample/1", ["sensor 40 21", "init 40", "temp 6666", "hum 8000", "measure 40",
                  "busy 3", "corrupt h", "measure 40"])
case("secret/01_init", ["sensor 40 21", "init 40", "init 41", "sensor 44 20", "init 44",
                        "sensor 44 21", "fail 1", "init 44", "init 44"])
case("secret/03_values", ["sensor 40 21"] + [
    x for raw_t, raw_h in [(0, 0), (0xFFFF, 0xFFFF), (0x4000, 0x1234), (0x5F5E, 0xA000),
                           (0x8000, 0x0001), (0x6B85, 0x7FFF), (1, 65534)]
    for x in ("temp %04X" % raw_t, "hum %04X" % raw_h, "measure 40")])
case("secret/04_busy", ["sensor 40 21", "temp 7000", "hum 6000"] + [
    x for n in [0, 1, 5, 9, 10, 11, 50] for x in ("busy %d" % n, "measure 40")])
case("secret/05_checksums", ["sensor 45 21", "init 45", "temp 7123", "hum 5432",
                             "corrupt t", "measure 45", "measure 45", "corrupt h",
                             "measure 45", "busy 4", "corrupt t", "measure 45"])
case("secret/06_bus", ["sensor 40 21", "temp 7000", "hum 6000"] + [
    x for n in [1, 2, 3, 4, 5] for x in ("busy 2", "fail %d" % n, "measure 40")]
    + ["measure 41", "measure 40"])
lines = ["sensor 40 21", "init 40"]
for _ in range(300):
    lines += ["temp %04X" % random.randint(0x3000, 0x9000),
              "hum %04X" % random.randint(0, 0xFFFF), "busy %d" % random.choice([0, 1, 2, 3, 8])]
    r = random.random()
    if r < 0.1:
        lines.append(random.choice(["corrupt t", "corrupt h"]))
    elif r < 0.15:
        lines.append("busy 12")
    elif r < 0.2:
        lines.append("fail %d" % random.randint(1, 4))
    lines.append("measure 40")
case("secret/07_random", lines)
case("secret/02_stuck", ["sensor 40 21", "temp 7000", "hum 6000", "measure 40", "stuck",
                         "measure 40", "measure 40"])
shutil.rmtree(work)
