# The corridor: cells 0..length-1, a wall after the last one. Kattis interactive convention
# (argv: input, answer, feedback dir). Writes replay.json into the feedback dir as the format
# of judge/PACKAGES.md says, then exits 42 (score.txt = 1) or 43.
# `replay` in the input: good, or broken on purpose (bad, huge, none, symlink) for the tests.
import json
import os
import sys
import time

params = dict(line.split(None, 1) for line in open(sys.argv[1]) if line.strip())
length = int(params["length"])
goal = int(params["goal"])
mode = params["replay"].strip()
feedback = sys.argv[3]
frames = []


def frame(turn, x, move=None, event=None):
    item = {"turn": turn, "by": "program" if move else "world",
            "state": {"agents": [{"x": x, "y": 0, "dir": "E"}]}}
    if move:
        item["move"] = move
    if event:
        item["events"] = [{"text": event[0], "tone": event[1]}]
    frames.append(item)


def finish(code, text, at=None):
    outcome = {"result": "success" if code == 42 else "failure", "text": text}
    if code == 43:
        outcome["frame"] = len(frames) - 1
    if at is not None:
        outcome["at"] = at
    replay = {"format": "koodikoe-replay", "version": 1, "title": params["name"].strip(),
              "world": {"kind": "grid", "width": length + 1, "height": 1,
                        "cells": ["." * goal + "G" + "." * (length - goal - 1) + "#"]},
              "frames": frames, "outcome": outcome}
    path = os.path.join(feedback, "replay.json")
    if mode == "bad":
        replay["frames"][0]["state"]["agents"][0]["x"] = length + 5
    elif mode == "huge":
        replay["frames"] = frames * (300000 // len(json.dumps(frames)) + 1)
    elif mode == "symlink":
        os.symlink("/etc/passwd", path)
    if mode not in ("none", "symlink"):
        with open(path, "w") as out:
            json.dump(replay, out)
    with open(os.path.join(feedback, "judgemessage.txt"), "w") as out:
        out.write(text + "\n")
    if code == 42:
        with open(os.path.join(feedback, "score.txt"), "w") as out:
            out.write("1\n")
    sys.exit(code)


x = 0
frame(0, x)
print("GOAL %d" % goal, flush=True)
for turn in range(1, 4 * length + 1):
    line = sys.stdin.readline()
    if not line:
        time.sleep(0.25)  # a crash or time limit of the program must be seen to end first
        finish(43, "the program ended before the robot reached the goal")
    if line.strip() != "MOVE":
        frame(turn, x, line.strip()[:20] or "?", ("not a move", "bad"))
        finish(43, "turn %d: expected MOVE" % turn)
    if x + 1 >= length:
        frame(turn, x, "MOVE", ("crashed into the wall", "bad"))
        finish(43, "turn %d: the robot crashed into the wall" % turn, [x + 1, 0])
    x += 1
    if x == goal:
        frame(turn, x, "MOVE", ("reached the goal", "good"))
        print("GOAL", flush=True)
        finish(42, "reached the goal in %d moves" % turn)
    frame(turn, x, "MOVE")
    print("OK", flush=True)
finish(43, "too many moves")
