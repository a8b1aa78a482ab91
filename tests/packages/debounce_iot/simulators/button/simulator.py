# Bouncing push button for the debouncer exercise (Kattis interactive convention: argv =
# input, answer, feedback dir). Writes score.txt (0..1) and judgemessage.txt; exits 42, or 43
# for a protocol error or a score below 0.5. Seeded from the input: deterministic.
import random
import sys

WINDOW_MS = 30


def finish(feedback, code, score, message):
    with open(feedback + "/judgemessage.txt", "w") as out:
        out.write(message + "\n")
    if code == 42:
        with open(feedback + "/score.txt", "w") as out:
            out.write("%.6f\n" % score)
    sys.exit(code)


def make_signal(rng, presses):
    """Raw samples and the start times of the real presses."""
    samples, starts = [], []
    for _ in range(presses):
        idle = rng.randint(60, 250)
        samples += [0] * idle
        for _ in range(rng.randint(0, 2)):  # noise spikes while idle
            samples[len(samples) - rng.randint(5, idle - 5)] = 1
        starts.append(len(samples))
        held = rng.randint(80, 300)
        press = [1] * held
        for edge in (0, held - 10):  # bounce after pressing and before releasing ends
            for i in range(rng.randint(2, 8)):
                press[edge + i] = rng.randint(0, 1)
        samples += press
    samples += [0] * 100
    return samples, starts


def main():
    params = {}
    for line in open(sys.argv[1]):
        key, value = line.split()
        params[key] = int(value)
    feedback = sys.argv[3]
    rng = random.Random(params["seed"])
    samples, starts = make_signal(rng, params["presses"])
    rises, previous = [], 0
    for ms, raw in enumerate(samples):
        print("SAMPLE %d %d" % (ms, raw), flush=True)
        reply = sys.stdin.readline().strip()
        if reply not in ("0", "1"):
            finish(feedback, 43, 0, "ms %d: expected 0 or 1, got %r" % (ms, reply[:40]))
        state = int(reply)
        if state == 1 and previous == 0:
            rises.append(ms)
        previous = state
    print("END", flush=True)
    found, latencies = 0, []
    unmatched = list(rises)
    for start in starts:
        hits = [t for t in unmatched if start <= t <= start + WINDOW_MS]
        if hits:
            found += 1
            latencies.append(hits[0] - start)
            unmatched.remove(hits[0])
    false = len(unmatched)
    latency = sum(latencies) / len(latencies) if latencies else WINDOW_MS
    speed = 1.0 if latency <= 10 else max(0.5, 1 - (latency - 10) / 40)
    score = max(0.0, (found - false) / len(starts)) * speed
    message = "%d of %d presses found, %d false presses, mean delay %.1f ms, score %.3f" % (
        found, len(starts), false, latency, score)
    finish(feedback, 42 if score >= 0.5 else 43, score, message)


main()
