# A doorbell button that bounces, for the debouncing exercise. Kattis interactive
# convention: argv = input file, answer file, feedback dir; the program's output arrives on
# stdin and the program's input goes to stdout. Writes score.txt (0..1) and
# judgemessage.txt; exits 42 (accepted, partial score) or 43 (wrong answer).
#
# The right state changes when the raw signal has had the new value in HOLD samples in a
# row. Score: (state changes at exactly the right sample - changes that should not be
# there) / right changes, at least 0. Under 0.5 is a wrong answer. Seeded by the input.
import random
import sys

HOLD = 5


def finish(feedback, code, score, message):
    with open(feedback + "/judgemessage.txt", "w") as out:
        out.write(message + "\n")
    if code == 42:
        with open(feedback + "/score.txt", "w") as out:
            out.write("%.6f\n" % score)
    sys.exit(code)


def signal(rng, presses, glitch):
    raw = [0] * rng.randint(20, 60)
    level = 0
    for _ in range(2 * presses):
        level = 1 - level
        for _ in range(rng.randint(0, 4)):  # bounces: short runs of each value
            raw += [level] * rng.randint(1, HOLD - 1) + [1 - level] * rng.randint(1, HOLD - 1)
        stable = [level] * rng.randint(HOLD + 2, 40)
        for k in range(len(stable)):
            if rng.random() < glitch:
                stable[k] = 1 - level
        raw += stable
    return raw


def main():
    params = {}
    for line in open(sys.argv[1]):
        key, *values = line.split()
        params[key] = [float(v) for v in values]
    feedback = sys.argv[3]
    rng = random.Random(int(params["seed"][0]))
    raw = signal(rng, int(params["presses"][0]), params["glitch"][0])
    state = run = 0
    last = None
    right_changes = matched = extra = 0
    program_state = 0
    first_problem = None
    for t, value in enumerate(raw):
        run = run + 1 if value == last else 1
        last = value
        change = value != state and run >= HOLD
        if change:
            state = value
            right_changes += 1
        print("RAW %d %d" % (t, value), flush=True)
        reply = sys.stdin.readline().split()
        if len(reply) != 2 or reply[0] != "STATE" or reply[1] not in ("0", "1"):
            finish(feedback, 43, 0, "ms %d: expected STATE 0 or STATE 1, got %r"
                   % (t, " ".join(reply)[:40]))
        new = int(reply[1])
        if new != program_state:
            if change and new == state:
                matched += 1
            else:
                extra += 1
                if first_problem is None:
                    first_problem = "ms %d: the state changed to %d too early or needlessly" % (t, new)
            program_state = new
        elif change and first_problem is None:
            first_problem = "ms %d: the state should have changed to %d here" % (t, state)
    print("END", flush=True)
    score = max(0.0, (matched - extra) / right_changes) if right_changes else 1.0
    message = "%d of %d presses and releases at the right millisecond, %d extra changes" % (
        matched, right_changes, extra)
    if first_problem:
        message += "; first problem at " + first_problem
    if score < 0.5:
        finish(feedback, 43, 0, message)
    finish(feedback, 42, score, message)


main()
