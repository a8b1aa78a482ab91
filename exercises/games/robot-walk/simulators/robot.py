# The robot of "walk to the goal". Kattis interactive convention: argv = input file, answer
# file, feedback dir; the program's commands arrive on stdin, the program's input goes to
# stdout. The input file is the map: '#' wall, '.' floor, 'R' the robot (facing east), 'G'
# the goal. Sends "GOAL dx dy", then carries out FORWARD, LEFT and RIGHT until the program
# ends. Accepts (42, score 1) when the robot then stands on the goal; 43 when it walks into a
# wall, gets an unknown command or takes too many steps. Always writes replay.json (the
# format of judge/PACKAGES.md) into the feedback dir.
import json
import os
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
MAX_COMMANDS = 500
STEP = {"N": (0, -1), "E": (1, 0), "S": (0, 1), "W": (-1, 0)}
TURN_LEFT = {"N": "W", "W": "S", "S": "E", "E": "N"}
TURN_RIGHT = {v: k for k, v in TURN_LEFT.items()}
DIRECTION = {"N": ("north", "pohjoiseen"), "E": ("east", "itään"), "S": ("south", "etelään"),
             "W": ("west", "länteen")}

rows = [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]
feedback = sys.argv[3]
width, height = len(rows[0]), len(rows)
for y, row in enumerate(rows):
    for x, cell in enumerate(row):
        if cell == "R":
            robot = [x, y]
        elif cell == "G":
            goal = (x, y)
cells = [row.replace("R", ".") for row in rows]
facing = "E"
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


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
              "title": text("Walk to the goal", "Kävele maaliin"),
              "world": {"kind": "grid", "width": width, "height": height, "cells": cells,
                        "trail": True},
              "frames": kept, "outcome": outcome}
    with open(os.path.join(feedback, "replay.json"), "w") as out:
        json.dump(replay, out, separators=(",", ":"))
    with open(os.path.join(feedback, "judgemessage.txt"), "w") as out:
        out.write(en + "\n")
    if code == 42:
        with open(os.path.join(feedback, "score.txt"), "w") as out:
            out.write("1\n")
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the program has ended: what is left for it to read does not matter
    # No interpreter clean-up: the program sees the end of its input only as this process
    # ends, so the judge sees the simulator end first.
    if code == 43 and input_ended:
        time.sleep(GRACE)
    os._exit(code)


frame(0, events=[{"text": text("The robot starts facing east.",
                                "Robotti aloittaa kasvot itään päin."), "tone": "info"}])
print("GOAL %d %d" % (goal[0] - robot[0], goal[1] - robot[1]), flush=True)
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
    if turn > MAX_COMMANDS:
        finish(43, "The robot ran out of battery after %d commands." % MAX_COMMANDS,
               "Robotin akku loppui %d komennon jälkeen." % MAX_COMMANDS)
    if command == "LEFT":
        facing = TURN_LEFT[facing]
        frame(turn, "LEFT")
    elif command == "RIGHT":
        facing = TURN_RIGHT[facing]
        frame(turn, "RIGHT")
    elif command == "FORWARD":
        dx, dy = STEP[facing]
        ahead = (robot[0] + dx, robot[1] + dy)
        if cells[ahead[1]][ahead[0]] == "#":
            en = "Command %d: the robot walked %s into a wall at (%d, %d)." % (
                turn, DIRECTION[facing][0], ahead[0], ahead[1])
            fi = "Komento %d: robotti käveli %s seinään kohdassa (%d, %d)." % (
                turn, DIRECTION[facing][1], ahead[0], ahead[1])
            frame(turn, "FORWARD", [{"text": text(en, fi), "tone": "bad"}])
            finish(43, en, fi, ahead)
        robot = [ahead[0], ahead[1]]
        events = []
        if ahead == goal:
            events.append({"text": text("The robot is on the goal.", "Robotti on maalissa."),
                           "tone": "good"})
        frame(turn, "FORWARD", events)
    else:
        shown = line.strip()[:30]
        en = "Command %d: the robot does not know the command %r (only FORWARD, LEFT, RIGHT)." % (
            turn, shown)
        fi = "Komento %d: robotti ei tunne komentoa %r (vain FORWARD, LEFT, RIGHT)." % (
            turn, shown)
        frame(turn, shown or "?", [{"text": text(en, fi), "tone": "bad"}])
        finish(43, en, fi)

if tuple(robot) == goal:
    frames[-1].setdefault("events", []).append(
        {"text": text("The program ended with the robot on the goal.",
                      "Ohjelma päättyi robotin ollessa maalissa."), "tone": "good"})
    finish(42, "The robot reached the goal in %d commands." % turn,
           "Robotti pääsi maaliin %d komennolla." % turn)
en = "The program ended with the robot at (%d, %d); the goal is at (%d, %d)." % (
    robot[0], robot[1], goal[0], goal[1])
fi = "Ohjelma päättyi robotin ollessa kohdassa (%d, %d); maali on kohdassa (%d, %d)." % (
    robot[0], robot[1], goal[0], goal[1])
frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
finish(43, en, fi, goal)
