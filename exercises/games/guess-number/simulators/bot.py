# The sly bot of "guess my number". Kattis interactive convention: argv = input file, answer
# file, feedback dir; the program's guesses arrive on stdin, its input goes to stdout.
# The input file: "range LO HI" and "seed S". Sends "RANGE LO HI TRIES T", where T is the
# fewest tries that always suffice (halving the range each time), then answers each guess
# with HIGHER, LOWER or CORRECT. The bot does not fix its number until it must: it always
# answers so that as many numbers as possible are left (ties broken by the seed), so only a
# program that halves the range wins. After CORRECT it waits for the program to end.
# Accepts (42, score 1) when the number was found in T tries; 43 when the tries run out, a
# guess is not a whole number in the range, or the program ends too early. Always writes
# replay.json (judge/PACKAGES.md) into the feedback dir.
import json
import os
import random
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
params = {}
for line in open(sys.argv[1]):
    key, *values = line.split()
    params[key] = values
feedback = sys.argv[3]
lo, hi = int(params["range"][0]), int(params["range"][1])
rng = random.Random(int(params["seed"][0]))
tries = (hi - lo + 1).bit_length()  # = ceil(log2(n + 1)) for n numbers
low, high = lo, hi  # the numbers the answers so far leave possible
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def frame(turn, by, move, state, events=()):
    item = {"turn": turn, "by": by, "state": state}
    if move:
        item["move"] = move
    if events:
        item["events"] = list(events)
    frames.append(item)


def finish(code, en, fi):
    outcome = {"result": "success" if code == 42 else "failure", "score": 1 if code == 42 else 0,
               "text": text(en, fi)}
    if code == 43:
        outcome["frame"] = len(frames) - 1
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("Guess my number", "Arvaa lukuni"),
              "world": {"kind": "range", "min": lo, "max": hi}, "frames": frames,
              "outcome": outcome}
    with open(os.path.join(feedback, "replay.json"), "w") as file:
        json.dump(replay, file, separators=(",", ":"))
    with open(os.path.join(feedback, "judgemessage.txt"), "w") as file:
        file.write(en + "\n")
    if code == 42:
        with open(os.path.join(feedback, "score.txt"), "w") as file:
            file.write("1\n")
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the program has ended
    if code == 43 and input_ended:
        time.sleep(GRACE)
    os._exit(code)  # no clean-up: the judge sees the simulator end first


def fail(en, fi):
    frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
    finish(43, en, fi)


def next_line():
    while True:
        line = sys.stdin.readline()
        if not line or line.strip():
            return line


frame(0, "world", None, {"low": low, "high": high},
      [{"text": text("The bot thinks of a number from %d to %d. You have %d tries." % (lo, hi, tries),
                     "Botti keksii luvun väliltä %d–%d. Sinulla on %d yritystä." % (lo, hi, tries))}])
print("RANGE %d %d TRIES %d" % (lo, hi, tries), flush=True)
for turn in range(1, tries + 1):
    line = next_line()
    if not line:
        input_ended = True
        fail("The program ended before it found the number.",
             "Ohjelma päättyi ennen kuin se löysi luvun.")
    try:
        guess = int(line.strip())
    except ValueError:
        frame(turn, "program", line.strip()[:30], {})
        fail("Guess %d: %r is not a whole number." % (turn, line.strip()[:30]),
             "Arvaus %d: %r ei ole kokonaisluku." % (turn, line.strip()[:30]))
    if not lo <= guess <= hi:
        frame(turn, "program", str(guess)[:30], {})
        fail("Guess %d: %d is not between %d and %d." % (turn, guess, lo, hi),
             "Arvaus %d: %d ei ole välillä %d–%d." % (turn, guess, lo, hi))
    frame(turn, "program", str(guess), {"guess": guess})
    if guess < low or (guess < high and (guess - low < high - guess or (
            guess - low == high - guess and rng.random() < 0.5))):
        answer, low = "HIGHER", max(low, guess + 1)
        said = text("The number is higher than %d." % guess, "Luku on suurempi kuin %d." % guess)
    elif guess > low or guess > high:
        answer, high = "LOWER", min(high, guess - 1)
        said = text("The number is lower than %d." % guess, "Luku on pienempi kuin %d." % guess)
    else:
        frame(turn, "bot", "CORRECT", {"low": guess, "high": guess},
              [{"text": text("Correct! The number is %d." % guess, "Oikein! Luku on %d." % guess),
                "tone": "good"}])
        print("CORRECT", flush=True)
        if next_line():
            fail("The program went on guessing after CORRECT.",
                 "Ohjelma jatkoi arvaamista CORRECT-vastauksen jälkeen.")
        finish(42, "Found the number %d in %d tries." % (guess, turn),
               "Löysi luvun %d %d yrityksellä." % (guess, turn))
    frame(turn, "bot", answer, {"low": low, "high": high}, [{"text": said}])
    try:
        print(answer, flush=True)
    except BrokenPipeError:
        input_ended = True
        break

secret = rng.randint(low, high)
frame(tries, "bot", None, {"low": secret, "high": secret},
      [{"text": text("The bot's number was %d." % secret, "Botin luku oli %d." % secret)}])
fail("All %d tries used and the number (%d) was not found." % (tries, secret),
     "Kaikki %d yritystä käytetty, eikä lukua (%d) löytynyt." % (tries, secret))
