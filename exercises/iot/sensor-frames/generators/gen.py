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
SOLUTION = ROOT / "submissions" / "accepted" / "frames.py"
SEED = 4242
random.seed(SEED)


def case(name, stream):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    text = f"{len(stream)}\n" + " ".join("%02X" % x for x in stream) + "\n"
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([sys.executable, str(SOLUTION)], input=text, text=True,
                            capture_output=True, check=True).stdout
    path.with_suffix(".ans").write_text(answer)


def frame(sensor, values, broken=False):
    payload = []
    for v in values:
        payload += [(v >> 8) & 0xFF, v & 0xFF]
    body = [len(payload), sensor] + payload
    check = sum(body) % 256
    if broken:
        check = (check + random.randint(1, 255)) % 256
    return [0xAA] + body + [check]


def noise(k):
    return [random.choice([x for x in range(256) if x != 0xAA]) for _ in range(k)]


shutil.rmtree(ROOT / "data", ignore_errors=True)

case("sample/1", [0x00, 0x13] + frame(1, [215, -5]) + frame(2, [1000], broken=True)
     + frame(2, [998]))
case("secret/01", frame(7, [0]))
case("secret/02", [0xAA])
case("secret/03", frame(3, [-1, -10, -32768, 32767, 9, -9, 100, -100]))
# a cut-off frame at the end of the recording
case("secret/04", frame(1, [200]) + frame(1, [201])[:-1])
case("secret/05", frame(1, [200]) + [0xAA, 0x04, 0x01])
# a good frame starting inside a broken one: the broken frame's length swallows it
inner = frame(9, [123])
case("secret/06", [0xAA, 0x08, 0x05] + inner + [0x11, 0x22, 0x33])
# odd or too long lengths are not frames
case("secret/07", [0xAA, 0x03, 1, 2, 3, 4, 5, 0xAA, 0x12] + frame(4, [55, -55]))
case("secret/08", [0xAA, 0x00, 0x00, 0x00] + frame(0, [1, 2]) + frame(255, [-300]))


def recording(frames, p_broken, p_noise):
    stream = []
    for _ in range(frames):
        if random.random() < p_noise:
            stream += noise(random.randint(1, 5))
        values = [random.randint(-400, 450) if random.random() < 0.9 else random.randint(-32768, 32767)
                  for _ in range(random.randint(1, 8))]
        f = frame(random.randint(0, 20), values, random.random() < p_broken)
        if random.random() < p_broken / 3:
            f = f[:random.randint(1, len(f) - 1)]
        stream += f
    return stream


case("secret/09", recording(200, 0.2, 0.3))
case("secret/10", recording(5000, 0.1, 0.2))
case("secret/11", recording(10000, 0.02, 0.05)[:199999] + [0xAA])
