# The robot of "the dark maze". Kattis interactive convention: argv = input file, answer
# file, feedback dir; the program's commands arrive on stdin, its input goes to stdout.
# The input file: "facing D" (N, E, S or W), then the maze: '#' wall, '.' floor, 'R' the
# robot, 'E' the exit (a gap in the outer wall). Sends "READY", then answers LOOK (WALL,
# OPEN or EXIT: the square ahead), FORWARD (OK, or OUT on the exit), LEFT and RIGHT (OK).
# Accepts (42, score 1) when the program ends with the robot out; 43 when the robot walks
# into a wall, gets an unknown command, moves after it is out or runs out of battery
# (20 commands per floor square). Always writes replay.json (judge/PACKAGES.md).
import json
import os
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
STEP = {"N": (0, -1), "E": (1, 0), "S": (0, 1), "W": (-1, 0)}
TURN_LEFT = {"N": "W", "W": "S", "S": "E", "E": "N"}
TURN_RIGHT = {v: k for k, v in TURN_LEFT.items()}
SEES = {"#": ("Sees a wall.", "Näkee seinän."), ".": ("Sees open floor.", "Näkee lattiaa."),
        "E": ("Sees the exit!", "Näkee uloskäynnin!")}

lines = [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]
facing = lines[0].split()[1]
rows = lines[1:]
feedback = sys.argv[3]
width, height = len(rows[0]), len(rows)
floor = 0
for y, row in enumerate(rows):
    for x, cell in enumerate(row):
        if cell == "R":
            robot = (x, y)
        elif cell == "E":
            exit_at = (x, y)
        floor += cell != "#"
cells = [row.replace("R", ".").replace("E", "G") for row in rows]
battery = 20 * floor
out = False
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def square(at):
    return rows[at[1]][at[0]].replace("R", ".")


def frame(turn, move=None, events=()):
    item = {"turn": turn, "by": "program" if move else "world",
            "state": {"agents": [{"x": robot[0], "y": robot[1], "dir": facing, "kind": "robot"}]}}
    if move:
        item["move"] = move
    if events:
        item["events"] = list(events)
    frames.append(item)


def fit(frames, limit=200000):
    """The first frame and as many of the last ones as fit in `limit` bytes of JSON."""
    sizes = [len(json.dumps(f, separators=(",", ":"))) + 1 for f in frames]
    if sum(sizes) <= limit:
        return frames
    budget, start = limit - sizes[0] - 300, len(frames)
    while start > 1 and sizes[start - 1] <= budget:
        start -= 1
        budget -= sizes[start]
    first = dict(frames[0])
    first["events"] = first.get("events", []) + [{"text": text(
        "The replay leaves out turns 1 to %d." % frames[start - 1]["turn"],
        "Toistosta puuttuvat vuorot 1–%d." % frames[start - 1]["turn"]), "tone": "info"}]
    return [first] + frames[start:]


def finish(code, en, fi, at=None):
    kept = fit(frames)
    outcome = {"result": "success" if code == 42 else "failure", "score": 1 if code == 42 else 0,
               "text": text(en, fi)}
    if code == 43:
        outcome["frame"] = len(kept) - 1
    if at:
        outcome["at"] = list(at)
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("The dark maze", "Pimeä labyrintti"),
              "world": {"kind": "grid", "width": width, "height": height, "cells": cells,
                        "trail": True},
              "frames": kept, "outcome": outcome}
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
        pass  # the program has ended: what is left for it to read does not matter
    # No interpreter clean-up: the program sees the end of its input only as this process
    # ends, so the judge sees the simulator end first.
    if code == 43 and input_ended:
        time.sleep(GRACE)
    os._exit(code)


def fail(turn, move, en, fi, at=None):
    frame(turn, move, [{"text": text(en, fi), "tone": "bad"}])
    finish(43, en, fi, at)


frame(0)
print("READY", flush=True)
turn = 0
while True:
    line = sys.stdin.readline()
    if not line:
        input_ended = True
        break
    command = line.strip().upper()
    if not command:
        continue
    turn += 1
    if out:
        fail(turn, command[:30], "Command %d: the robot is already out of the maze." % turn,
             "Komento %d: robotti on jo ulkona labyrintista." % turn)
    if turn > battery:
        fail(turn, command[:30], "The robot's battery ran out after %d commands." % battery,
             "Robotin akku loppui %d komennon jälkeen." % battery)
    dx, dy = STEP[facing]
    ahead = (robot[0] + dx, robot[1] + dy)
    if command in ("LEFT", "RIGHT"):
        facing = (TURN_LEFT if command == "LEFT" else TURN_RIGHT)[facing]
        frame(turn, command)
        reply = "OK"
    elif command == "LOOK":
        seen = square(ahead)
        reply = {"#": "WALL", ".": "OPEN", "E": "EXIT"}[seen]
        frame(turn, "LOOK", [{"text": text(*SEES[seen])}])
    elif command == "FORWARD":
        if square(ahead) == "#":
            fail(turn, "FORWARD", "Command %d: the robot walked into a wall at (%d, %d)." % (
                turn, ahead[0], ahead[1]), "Komento %d: robotti käveli seinään kohdassa (%d, %d)." % (
                turn, ahead[0], ahead[1]), ahead)
        robot = ahead
        out = robot == exit_at
        events = [{"text": text("The robot is out!", "Robotti on ulkona!"), "tone": "good"}] if out else []
        frame(turn, "FORWARD", events)
        reply = "OUT" if out else "OK"
    else:
        fail(turn, line.strip()[:30] or "?",
             "Command %d: the robot does not know the command %r." % (turn, line.strip()[:30]),
             "Komento %d: robotti ei tunne komentoa %r." % (turn, line.strip()[:30]))
    try:
        print(reply, flush=True)
    except BrokenPipeError:
        input_ended = True
        break  # the program has ended

if out:
    finish(42, "The robot found the way out in %d commands." % turn,
           "Robotti löysi ulos %d komennolla." % turn)
en = "The program ended with the robot still in the maze, at (%d, %d)." % robot
fi = "Ohjelma päättyi robotin ollessa yhä labyrintissa kohdassa (%d, %d)." % robot
frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
finish(43, en, fi, robot)
