# Greenhouse thermometer for the frost alarm exercise. Kattis interactive convention:
# argv = input file, answer file, feedback dir; the program's output arrives on stdin and
# the program's input goes to stdout. Writes score.txt (0..1) and judgemessage.txt, exits
# 42 (accepted, score = share of minutes with the right alarm state) or 43 (wrong answer:
# under 90 % right). Seeded by the input file: the same program always gets the same score.
import math
import random
import sys

NEED = 3  # readings below the low limit in a row that switch the alarm on


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
    minutes = int(params["minutes"][0])
    low, high = params["limits"]
    mean, swing, noise = params["weather"]
    print("LIMITS %.1f %.1f" % (low, high), flush=True)
    alarm = False
    below = 0
    right = 0
    first_wrong = None
    drift = 0.0
    for minute in range(minutes):
        drift = 0.98 * drift + rng.gauss(0, 0.15)
        temp = mean + swing * math.cos(2 * math.pi * minute / 720) + drift + rng.gauss(0, noise)
        temp = round(temp, 1)
        below = below + 1 if temp < low else 0
        if below >= NEED:
            alarm = True
        elif temp > high:
            alarm = False
        print("TEMP %d %.1f" % (minute, temp), flush=True)
        reply = sys.stdin.readline().split()
        if len(reply) != 2 or reply[0] != "ALARM" or reply[1] not in ("ON", "OFF"):
            finish(feedback, 43, 0, "minute %d: expected ALARM ON or ALARM OFF, got %r"
                   % (minute, " ".join(reply)[:40]))
        if (reply[1] == "ON") == alarm:
            right += 1
        elif first_wrong is None:
            first_wrong = "minute %d (%.1f °C): the alarm should be %s" % (
                minute, temp, "ON" if alarm else "OFF")
    print("END", flush=True)
    score = right / minutes
    message = "right alarm state %d of %d minutes" % (right, minutes)
    if first_wrong:
        message += "; first mistake at " + first_wrong
    if score < 0.9:
        finish(feedback, 43, 0, message)
    finish(feedback, 42, score, message)


main()
