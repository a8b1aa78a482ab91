# The bot of "the last stone" (one-heap Nim). Kattis interactive convention: argv = input
# file, answer file, feedback dir; the program's moves arrive on stdin, its input goes to
# stdout. The input file: "stones N", "max K", "seed S" (N is never a multiple of K + 1, so
# the program, moving first, can always win). Sends "STONES N MAX K"; the program takes 1 to
# K stones a turn; the bot answers "BOT b r" (it took b, r are left) or "WIN" when the program
# took the last stone. The bot plays perfectly: it leaves a multiple of K + 1 whenever it can
# (otherwise it takes a number chosen by the seed). Accepts (42, score 1) when the program
# took the last stone and then ended; 43 when the bot did, or on a move that breaks the
# rules. Always writes replay.json (judge/PACKAGES.md) into the feedback dir.
import json
import os
import random
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
ROW = 10  # stones drawn in rows of ten

params = {}
for line in open(sys.argv[1]):
    key, *values = line.split()
    params[key] = values
feedback = sys.argv[3]
stones = int(params["stones"][0])
most = int(params["max"][0])
rng = random.Random(int(params["seed"][0]))
start = stones
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def frame(turn, by, move, events=()):
    marks = [{"x": i % ROW, "y": i // ROW, "kind": "stone"} for i in range(stones)]
    item = {"turn": turn, "by": by, "state": {"marks": marks}}
    if move:
        item["move"] = move
    if events:
        item["events"] = list(events)
    frames.append(item)


def finish(code, en, fi, at=None):
    outcome = {"result": "success" if code == 42 else "failure", "score": 1 if code == 42 else 0,
               "text": text(en, fi)}
    if code == 43:
        outcome["frame"] = len(frames) - 1
    if at:
        outcome["at"] = list(at)
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("The last stone", "Viimeinen kivi"),
              "world": {"kind": "grid", "width": ROW, "height": (start + ROW - 1) // ROW},
              "frames": frames, "outcome": outcome}
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


def fail(en, fi, at=None):
    frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
    finish(43, en, fi, at)


def next_line():
    while True:
        line = sys.stdin.readline()
        if not line or line.strip():
            return line


frame(0, "world", None, [{"text": text("%d stones; take 1 to %d a turn. You begin." % (stones, most),
                                       "%d kiveä; vuorollaan saa ottaa 1–%d. Sinä aloitat." % (stones, most))}])
print("STONES %d MAX %d" % (stones, most), flush=True)
turn = 0
while True:
    line = next_line()
    turn += 1
    if not line:
        input_ended = True
        fail("The program ended with %d stones left." % stones,
             "Ohjelma päättyi, kun kiviä oli jäljellä %d." % stones)
    try:
        take = int(line.strip())
    except ValueError:
        frame(turn, "program", line.strip()[:30])
        fail("Turn %d: %r is not a number of stones." % (turn, line.strip()[:30]),
             "Vuoro %d: %r ei ole kivien määrä." % (turn, line.strip()[:30]))
    if not 1 <= take <= min(most, stones):
        frame(turn, "program", str(take)[:30])
        fail("Turn %d: taking %d is against the rules: take 1 to %d (%d left)." % (
            turn, take, min(most, stones), stones),
            "Vuoro %d: %d kiven ottaminen on sääntöjen vastaista: ota 1–%d (jäljellä %d)." % (
            turn, take, min(most, stones), stones))
    stones -= take
    frame(turn, "program", str(take), [{"text": text("You take %d, %d left." % (take, stones),
                                                     "Otat %d, jäljellä %d." % (take, stones))}])
    if stones == 0:
        frames[-1]["events"].append({"text": text("You took the last stone and won!",
                                                  "Otit viimeisen kiven ja voitit!"), "tone": "good"})
        print("WIN", flush=True)
        if next_line():
            fail("The program went on after WIN.", "Ohjelma jatkoi WIN-vastauksen jälkeen.")
        finish(42, "Won in %d turns: the program took the last stone." % turn,
               "Voitti %d vuorolla: ohjelma otti viimeisen kiven." % turn)
    best = stones % (most + 1)
    bot = best if best else rng.randint(1, min(most, stones))
    stones -= bot
    frame(turn, "bot", str(bot), [{"text": text("The bot takes %d, %d left." % (bot, stones),
                                                "Botti ottaa %d, jäljellä %d." % (bot, stones))}])
    try:
        print("BOT %d %d" % (bot, stones), flush=True)
    except BrokenPipeError:
        pass
    if stones == 0:
        fail("The bot took the last stone: the program lost.",
             "Botti otti viimeisen kiven: ohjelma hävisi.", (0, 0))
