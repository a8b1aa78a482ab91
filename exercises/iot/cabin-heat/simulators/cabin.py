# Heat model of a log cabin with a slow water radiator. Kattis interactive convention:
# argv = input file, answer file, feedback dir; the program's output arrives on stdin and
# the program's input goes to stdout. Writes score.txt (0..1) and judgemessage.txt; exits
# 42 (accepted, partial score) or 43 (wrong answer). Seeded by the input file.
#
# The score rewards comfort (minutes within 0.5 degrees of the target that the owner has
# set for that minute) and thrift (heating energy compared with what the day needed).
import math
import random
import sys

LOSS = 0.004      # share of the inside/outside difference lost per minute
RADIATOR = 0.05   # how fast the radiator water follows the power setting, per minute
GAIN = 0.003     # degrees per minute per degree of radiator water
WATER_MAX = 60.0  # radiator water temperature at 100 % power, above the room


def finish(feedback, code, score, message):
    with open(feedback + "/judgemessage.txt", "w") as out:
        out.write(message + "\n")
    if code == 42:
        with open(feedback + "/score.txt", "w") as out:
            out.write("%.6f\n" % score)
    sys.exit(code)


def main():
    params = {}
    schedule = []
    for line in open(sys.argv[1]):
        key, *values = line.split()
        if key == "target":
            schedule.append((int(values[0]), float(values[1])))
        else:
            params[key] = [float(v) for v in values]
    feedback = sys.argv[3]
    rng = random.Random(int(params["seed"][0]))
    minutes = int(params["minutes"][0])
    low, swing = params["outside"]
    room = float(params["start"][0])
    water = 0.0
    comfortable = 0
    cold_minutes = 0
    used = needed = 0.0
    target = schedule[0][1]
    for minute in range(minutes):
        for start, value in schedule:
            if start == minute:
                target = value
        outside = low + swing * (1 - math.cos(2 * math.pi * (minute % 1440) / 1440)) / 2
        outside += rng.gauss(0, 0.2)
        print("TEMP %d %.2f %.1f %.1f" % (minute, room + rng.gauss(0, 0.03), outside, target),
              flush=True)
        reply = sys.stdin.readline()
        parts = reply.split()
        if len(parts) != 2 or parts[0] != "HEAT" or not parts[1].isdigit() or int(parts[1]) > 100:
            finish(feedback, 43, 0, "minute %d: expected HEAT 0..100, got %r"
                   % (minute, reply.strip()[:40]))
        power = int(parts[1]) / 100.0
        used += power
        needed += max(0.0, LOSS * (target - outside) / (GAIN * WATER_MAX))
        water += RADIATOR * (power * WATER_MAX - water)
        room += LOSS * (outside - room) + GAIN * water
        if abs(room - target) <= 0.5:
            comfortable += 1
        elif room < target:
            cold_minutes += 1
    print("END", flush=True)
    comfort = comfortable / minutes
    thrift = min(1.0, needed / used) if used > 0 else 0.0
    score = 0.7 * comfort + 0.3 * thrift * comfort
    message = ("comfortable %d of %d minutes, too cold %d minutes; energy %.0f%% of what "
               "was needed; score %.3f" % (comfortable, minutes, cold_minutes,
                                           100 * used / needed if needed else 0, score))
    if comfort < 0.5:
        finish(feedback, 43, 0, "comfortable less than half the time: " + message)
    finish(feedback, 42, score, message)


main()
