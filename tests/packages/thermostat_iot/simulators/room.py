# Room heat model for the thermostat exercise. Kattis interactive convention: argv = input,
# answer, feedback dir; the program's output on stdin, its input on stdout. Writes score.txt
# (0..1) and judgemessage.txt; exits 42 (accepted, partial score) or 43 (wrong answer).
# Seeded: the same program always gets the same score.
import math
import random
import sys

MINUTES = 24 * 60
TARGET = 21.0
LOSS = 0.01       # share of the inside/outside difference lost per minute
HEATER = 0.8      # degrees per minute at 100 % power


def finish(feedback_dir, code, score, message):
    with open(feedback_dir + "/judgemessage.txt", "w") as out:
        out.write(message + "\n")
    if code == 42:
        with open(feedback_dir + "/score.txt", "w") as out:
            out.write("%.6f\n" % score)
    sys.exit(code)


def main():
    params = {}
    for line in open(sys.argv[1]):
        key, *values = line.split()
        params[key] = [float(v) for v in values]
    feedback = sys.argv[3]
    rng = random.Random(int(params["seed"][0]))
    low, swing = params["outside"]
    room = TARGET - 3 + rng.random()
    print("TARGET %.1f" % TARGET, flush=True)
    comfortable = 0
    used = needed = 0.0
    for minute in range(MINUTES):
        outside = low + swing * (1 - math.cos(2 * math.pi * minute / MINUTES)) / 2
        print("TEMP %d %.2f" % (minute, room + rng.gauss(0, 0.05)), flush=True)
        reply = sys.stdin.readline()
        parts = reply.split()
        if len(parts) != 2 or parts[0] != "HEAT" or not parts[1].isdigit() or int(parts[1]) > 100:
            finish(feedback, 43, 0, "minute %d: expected HEAT 0..100, got %r" % (minute, reply.strip()[:40]))
        power = int(parts[1]) / 100.0
        used += power
        needed += max(0.0, LOSS * (TARGET - outside) / HEATER)
        room += LOSS * (outside - room) + HEATER * power + rng.gauss(0, 0.01)
        if abs(room - TARGET) <= 0.5:
            comfortable += 1
    print("END", flush=True)
    comfort = comfortable / MINUTES
    efficiency = min(1.0, needed / used) if used > 0 else 0.0
    score = 0.7 * comfort + 0.3 * efficiency * comfort
    message = "comfortable %.0f%% of the day, energy %.0f%% of what was needed, score %.3f" % (
        100 * comfort, 100 * used / needed if needed else 0, score)
    if comfort < 0.3:
        finish(feedback, 43, 0, "too cold or too hot most of the day: " + message)
    finish(feedback, 42, score, message)


main()
