# The board of "hungry snake". Kattis interactive convention: argv = input file, answer
# file, feedback dir; the program's moves arrive on stdin, its input goes to stdout.
# The input file: "board W H", "apples N", "seed S". The snake starts as one square at
# (0, 0); apples appear one at a time on free squares chosen by the seed. Sends
# "BOARD W H N" and "APPLE x y", then moves the snake one square per line (U, D, L or R) and
# answers "APPLE x y" (where the apple is now) or "END" when the game is over: all N apples
# eaten, the snake hit a wall or itself, or it went 2 * W * H moves without eating. After END
# it waits for the program to end. Score: apples eaten / N; accepts (42) with that score when
# at least half were eaten, else 43. Always writes replay.json (judge/PACKAGES.md), keeping
# the last turns when the whole game would not fit.
import json
import os
import random
import sys
import time
from collections import deque

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
MOVES = {"U": (0, -1, "N"), "D": (0, 1, "S"), "L": (-1, 0, "W"), "R": (1, 0, "E"),
         "UP": (0, -1, "N"), "DOWN": (0, 1, "S"), "LEFT": (-1, 0, "W"), "RIGHT": (1, 0, "E")}

params = {}
for line in open(sys.argv[1]):
    key, *values = line.split()
    params[key] = values
feedback = sys.argv[3]
width, height = int(params["board"][0]), int(params["board"][1])
apples = int(params["apples"][0])
rng = random.Random(int(params["seed"][0]))
snake = deque([(0, 0)])  # head first
body = {(0, 0)}
facing = "E"
eaten = 0
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def place_apple():
    free = [(x, y) for y in range(height) for x in range(width) if (x, y) not in body]
    return rng.choice(free) if free else None


def frame(turn, move=None, events=()):
    marks = [{"x": x, "y": y, "kind": "body"} for x, y in list(snake)[1:]]
    if apple:
        marks.append({"x": apple[0], "y": apple[1], "kind": "apple"})
    head = snake[0]
    item = {"turn": turn, "by": "program" if move else "world",
            "state": {"agents": [{"x": head[0], "y": head[1], "dir": facing, "kind": "snake"}],
                      "marks": marks}}
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
        "Toistosta puuttuvat vuorot 1–%d." % frames[start - 1]["turn"])}]
    return [first] + frames[start:]


def finish(code, en, fi, at=None):
    kept = fit(frames)
    score = eaten / apples
    outcome = {"result": "success" if eaten == apples else "partial" if code == 42 else "failure",
               "score": score, "text": text(en, fi)}
    if eaten < apples:
        outcome["frame"] = len(kept) - 1
    if at:
        outcome["at"] = list(at)
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("Hungry snake", "Nälkäinen käärme"),
              "world": {"kind": "grid", "width": width, "height": height}, "frames": kept,
              "outcome": outcome}
    with open(os.path.join(feedback, "replay.json"), "w") as file:
        json.dump(replay, file, separators=(",", ":"))
    with open(os.path.join(feedback, "judgemessage.txt"), "w") as file:
        file.write(en + "\n")
    if code == 42:
        with open(os.path.join(feedback, "score.txt"), "w") as file:
            file.write("%.6f\n" % score)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the program has ended
    if code == 43 and input_ended:
        time.sleep(GRACE)
    os._exit(code)  # no clean-up: the judge sees the simulator end first


def next_line():
    while True:
        line = sys.stdin.readline()
        if not line or line.strip():
            return line


def game_over(en, fi, at=None, tell=True):
    """Ends the game: END to the program, then its end, then the verdict on the apples."""
    frames[-1].setdefault("events", []).append(
        {"text": text(en, fi), "tone": "good" if eaten == apples else "bad"})
    if tell:
        try:
            print("END", flush=True)
        except BrokenPipeError:
            tell = False
        if tell and next_line():
            frames[-1]["events"].append({"text": text("The program went on after END.",
                                                      "Ohjelma jatkoi END-rivin jälkeen.")})
            finish(43, "The program went on after END.", "Ohjelma jatkoi END-rivin jälkeen.")
    summary_en = "%s %d of %d apples eaten." % (en, eaten, apples)
    summary_fi = "%s %d/%d omenaa syöty." % (fi, eaten, apples)
    finish(42 if 2 * eaten >= apples else 43, summary_en, summary_fi, at)


apple = place_apple()
frame(0, events=[{"text": text("Eat %d apples." % apples, "Syö %d omenaa." % apples)}])
print("BOARD %d %d %d" % (width, height, apples), flush=True)
print("APPLE %d %d" % apple, flush=True)
turn = hungry = 0
while True:
    line = next_line()
    if not line:
        input_ended = True
        game_over("The program ended before the game was over.", "Ohjelma päättyi kesken pelin.",
                  tell=False)
    turn += 1
    hungry += 1
    move = line.strip().upper()
    if move not in MOVES:
        frame(turn, line.strip()[:30])
        game_over("Turn %d: %r is not a move (U, D, L or R)." % (turn, line.strip()[:30]),
                  "Vuoro %d: %r ei ole siirto (U, D, L tai R)." % (turn, line.strip()[:30]))
    dx, dy, facing = MOVES[move]
    head = (snake[0][0] + dx, snake[0][1] + dy)
    grows = head == apple
    if not (0 <= head[0] < width and 0 <= head[1] < height):
        frame(turn, move[0])
        game_over("Turn %d: the snake hit the wall." % turn,
                  "Vuoro %d: käärme törmäsi seinään." % turn, snake[0])
    # The tail moves on as the head moves, so the head may take the tail's square.
    if head in body and (grows or head != snake[-1]):
        frame(turn, move[0])
        game_over("Turn %d: the snake bit itself at (%d, %d)." % ((turn,) + head),
                  "Vuoro %d: käärme puri itseään kohdassa (%d, %d)." % ((turn,) + head), head)
    if not grows:
        body.discard(snake.pop())
    snake.appendleft(head)
    body.add(head)
    events = []
    if grows:
        eaten += 1
        hungry = 0
        apple = place_apple() if eaten < apples else None
        events.append({"text": text("Apple %d eaten!" % eaten, "Omena %d syöty!" % eaten), "tone": "good"})
    frame(turn, move[0], events)
    if eaten == apples:
        game_over("All apples eaten in %d turns." % turn, "Kaikki omenat syöty %d vuorolla." % turn)
    if hungry >= 2 * width * height:
        game_over("The snake went %d turns without an apple." % hungry,
                  "Käärme kulki %d vuoroa ilman omenaa." % hungry)
    try:
        print("APPLE %d %d" % apple, flush=True)
    except BrokenPipeError:
        pass
