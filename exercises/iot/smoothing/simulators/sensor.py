# Noisy temperature sensor for the smoothing exercise. Kattis interactive convention:
# argv = input file, answer file, feedback dir; the program's output arrives on stdin and
# the program's input goes to stdout. Writes score.txt (0..1) and judgemessage.txt, exits
# 42 (accepted, score = share of right averages) or 43 (wrong answer: under half right).
# Seeded by the input file, so the same program always gets the same score.
import math
import random
import sys
from collections import deque

WINDOW = 5


def finish(feedback, code, score, message):
    with open(feedback + "/judgemessage.txt", "w") as out:
        out.write(message + "\n")
    if code == 42:
        with open(feedback + "/score.txt", "w") as out:
            out.write("%.6f\n" % score)
    sys.exit(code)


def main():
    params = {}
    for line in open(sys.argv[1]):
        key, *values = line.split()
        params[key] = [float(v) for v in values]
    feedback = sys.argv[3]
    rng = random.Random(int(params["seed"][0]))
    readings = int(params["readings"][0])
    fail = params["fail"][0]
    base, swing = params["temperature"]
    last = deque(maxlen=WINDOW)
    right = 0
    first_wrong = None
    for k in range(readings):
        if k > 0 and rng.random() < fail:
            print("READ ERR", flush=True)
        else:
            value = base + swing * math.sin(k / 40) + rng.gauss(0, 0.6)
            value = round(value, 1)
            last.append(value)
            print("READ %.1f" % value, flush=True)
        want = sum(last) / len(last)
        reply = sys.stdin.readline()
        parts = reply.split()
        try:
            ok = len(parts) == 2 and parts[0] == "AVG" and abs(float(parts[1]) - want) <= 0.011
        except ValueError:
            ok = False
        if not parts or parts[0] != "AVG":
            finish(feedback, 43, 0, "reading %d: expected AVG <number>, got %r"
                   % (k + 1, reply.strip()[:40]))
        if ok:
            right += 1
        elif first_wrong is None:
            first_wrong = "reading %d: expected AVG %.2f, got %r" % (k + 1, want, reply.strip()[:40])
    print("END", flush=True)
    score = right / readings
    message = "%d of %d averages right" % (right, readings)
    if first_wrong:
        message += "; first wrong one: " + first_wrong
    if score < 0.5:
        finish(feedback, 43, 0, message)
    finish(feedback, 42, score, message)


main()
