# The robot of "tidy the room". Kattis interactive convention: argv = input file, answer
# file, feedback dir; the program's commands arrive on stdin, its input goes to stdout.
# The input file is the room: '#' walls all round, '.' floor, '*' an item, 'R' the robot in
# the north-west corner, facing east. Sends "ROOM w h n" and what lies on the robot's square
# ("ITEM k" or "EMPTY k", k = items still on the floor); answers each FORWARD, LEFT, RIGHT
# and PICK the same way. Accepts (42, score 1) when the program ends with every item picked
# up; 43 when the robot walks into a wall, picks up nothing, gets an unknown command or runs
# out of battery. Always writes replay.json (judge/PACKAGES.md) into the feedback dir.
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
DIRECTION = {"N": ("north", "pohjoiseen"), "E": ("east", "itään"), "S": ("south", "etelään"),
             "W": ("west", "länteen")}

rows = [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]
feedback = sys.argv[3]
width, height = len(rows[0]), len(rows)
items = set()
for y, row in enumerate(rows):
    for x, cell in enumerate(row):
        if cell == "R":
            robot = (x, y)
        elif cell == "*":
            items.add((x, y))
cells = [row.replace("R", ".").replace("*", ".") for row in rows]
max_commands = 4 * (width - 2) * (height - 2) + 20
facing = "E"
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def frame(turn, move=None, events=(), items_changed=False):
    # A frame's state lists what changed: the items only when one is picked up.
    item = {"turn": turn, "by": "program" if move else "world",
            "state": {"agents": [{"x": robot[0], "y": robot[1], "dir": facing, "kind": "robot"}]}}
    if items_changed:
        item["state"]["marks"] = [{"x": x, "y": y, "kind": "item"} for x, y in sorted(items)]
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
              "title": text("Tidy the room", "Siivoa huone"),
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


def report():
    print("%s %d" % ("ITEM" if robot in items else "EMPTY", len(items)), flush=True)


frame(0, events=[{"text": text("%d items on the floor." % len(items),
                                "Lattialla on %d tavaraa." % len(items)), "tone": "info"}],
      items_changed=True)
print("ROOM %d %d %d" % (width - 2, height - 2, len(items)), flush=True)
report()
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
    if turn > max_commands:
        finish(43, "The robot ran out of battery after %d commands." % max_commands,
               "Robotin akku loppui %d komennon jälkeen." % max_commands)
    events = []
    if command == "LEFT":
        facing = TURN_LEFT[facing]
    elif command == "RIGHT":
        facing = TURN_RIGHT[facing]
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
        robot = ahead
    elif command == "PICK":
        if robot not in items:
            en = "Command %d: PICK on (%d, %d), but there is nothing to pick up there." % (
                turn, robot[0], robot[1])
            fi = "Komento %d: PICK kohdassa (%d, %d), mutta siinä ei ole mitään poimittavaa." % (
                turn, robot[0], robot[1])
            frame(turn, "PICK", [{"text": text(en, fi), "tone": "bad"}])
            finish(43, en, fi, robot)
        items.discard(robot)
        events.append({"text": text("Picked up an item; %d left." % len(items),
                                    "Poimi tavaran; jäljellä %d." % len(items)), "tone": "good"})
    else:
        shown = line.strip()[:30]
        en = "Command %d: the robot does not know the command %r." % (turn, shown)
        fi = "Komento %d: robotti ei tunne komentoa %r." % (turn, shown)
        frame(turn, shown, [{"text": text(en, fi), "tone": "bad"}])
        finish(43, en, fi)
    frame(turn, command, events, items_changed=command == "PICK")
    try:
        report()
    except BrokenPipeError:
        input_ended = True
        break  # the program has ended; what it did so far counts

if not items:
    finish(42, "Every item picked up in %d commands." % turn,
           "Kaikki tavarat poimittu %d komennolla." % turn)
en = "The program ended with %d items still on the floor." % len(items)
fi = "Ohjelma päättyi, ja lattialla on vielä %d tavaraa." % len(items)
frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
finish(43, en, fi, min(items))
