# The turtle of the turtle-graphics exercises (the same file in each of them). Kattis
# interactive convention: argv = input file, answer file, feedback dir; the program's
# commands arrive on stdin, its input goes to stdout.
# The input file's first line is the task, sent to the program as it is:
#   SQUARE n        a square of side n, drawn from (0, 0) east first and turning left
#   STAIRS k s      k steps of a staircase, each s up and s to the right
#   SPIRAL k d a    k lines of length d, 2d, ..., kd, turning left a degrees after each
# The turtle starts at (0, 0) facing east (y grows up) with its pen down, and carries out
# FORWARD d, BACK d, LEFT a, RIGHT a, PENUP and PENDOWN until the program ends. Then the
# drawing is compared with the target: every point of one must lie within TOLERANCE of the
# other, so any commands that draw the same figure pass. Accepts (42, score 1) or rejects
# (43) naming a point where they differ. Always writes replay.json (judge/PACKAGES.md).
import json
import math
import os
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
TOLERANCE = 2.0
MAX_COMMANDS = 2000
PAPER = 2000  # the turtle must stay within -PAPER..PAPER on both axes
BUCKET = 10.0

task = open(sys.argv[1]).readline().split()
feedback = sys.argv[3]
frames = []
input_ended = False
drawing = []  # segments (x1, y1, x2, y2) drawn with the pen down
x, y, heading, pen = 0.0, 0.0, 0.0, True


def text(en, fi):
    return {"en": en, "fi": fi}


def polyline(points):
    return [(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:])]


def target_of(task):
    name, numbers = task[0], [float(v) for v in task[1:]]
    if name == "SQUARE":
        n = numbers[0]
        return polyline([(0, 0), (n, 0), (n, n), (0, n), (0, 0)])
    if name == "STAIRS":
        k, s = int(numbers[0]), numbers[1]
        points = [(0, 0)]
        for i in range(k):
            points += [(i * s, (i + 1) * s), ((i + 1) * s, (i + 1) * s)]
        return polyline(points)
    k, d, a = int(numbers[0]), numbers[1], numbers[2]
    points, px, py, angle = [(0, 0)], 0.0, 0.0, 0.0
    for i in range(1, k + 1):
        px += i * d * math.cos(math.radians(angle))
        py += i * d * math.sin(math.radians(angle))
        points.append((px, py))
        angle += a
    return polyline(points)


def r(value):
    return round(value, 2) + 0.0


class Index:
    """Segments bucketed by the squares of a grid they pass near, for nearest-line queries."""

    def __init__(self, segments):
        self.buckets = {}
        for seg in segments:
            x1, y1, x2, y2 = seg
            for bx in range(int(math.floor((min(x1, x2) - TOLERANCE) / BUCKET)),
                            int(math.floor((max(x1, x2) + TOLERANCE) / BUCKET)) + 1):
                for by in range(int(math.floor((min(y1, y2) - TOLERANCE) / BUCKET)),
                                int(math.floor((max(y1, y2) + TOLERANCE) / BUCKET)) + 1):
                    self.buckets.setdefault((bx, by), []).append(seg)

    def near(self, px, py):
        for x1, y1, x2, y2 in self.buckets.get((math.floor(px / BUCKET), math.floor(py / BUCKET)), ()):
            dx, dy = x2 - x1, y2 - y1
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
            if math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) <= TOLERANCE:
                return True
        return False


def first_far_point(segments, index):
    """The first point along `segments` (every unit) not within TOLERANCE of `index`."""
    for x1, y1, x2, y2 in segments:
        steps = max(1, int(math.ceil(math.hypot(x2 - x1, y2 - y1))))
        for i in range(steps + 1):
            px, py = x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps
            if not index.near(px, py):
                return px, py
    return None


def frame(turn, move=None, lines=()):
    item = {"turn": turn, "by": "program" if move else "world",
            "state": {"turtle": {"x": r(x), "y": r(y), "heading": r(heading % 360), "pen": pen}}}
    if lines:
        item["state"]["lines"] = [[r(v) for v in line] for line in lines]
    if move:
        item["move"] = move
    frames.append(item)


def fit(frames, limit=200000):
    """The first frame and as many of the last ones as fit in `limit` bytes of JSON; the lines
    of the frames left out are drawn in the first one, so the drawing stays whole."""
    sizes = [len(json.dumps(f, separators=(",", ":"))) + 1 for f in frames]
    if sum(sizes) <= limit:
        return frames
    lines = sum((f["state"].get("lines", []) for f in frames), [])
    budget, start = limit - len(json.dumps(frames[0])) - len(json.dumps(lines)) - 300, len(frames)
    while start > 1 and sizes[start - 1] <= budget:
        start -= 1
        budget -= sizes[start]
    first = {"turn": 0, "state": dict(frames[start - 1]["state"]),
             "events": [{"text": text("The replay leaves out turns 1 to %d." % frames[start - 1]["turn"],
                                      "Toistosta puuttuvat vuorot 1–%d." % frames[start - 1]["turn"])}]}
    first["state"]["lines"] = sum((f["state"].get("lines", []) for f in frames[:start]), [])
    return [first] + frames[start:]


def finish(code, en, fi, at=None):
    kept = fit(frames)
    xs = [0.0] + [v for s in target + drawing for v in (s[0], s[2])] + [f["state"]["turtle"]["x"] for f in kept]
    ys = [0.0] + [v for s in target + drawing for v in (s[1], s[3])] + [f["state"]["turtle"]["y"] for f in kept]
    pad = max(10.0, 0.08 * max(max(xs) - min(xs), max(ys) - min(ys)))
    outcome = {"result": "success" if code == 42 else "failure", "score": 1 if code == 42 else 0,
               "text": text(en, fi)}
    if code == 43:
        outcome["frame"] = len(kept) - 1
    if at:
        outcome["at"] = [r(at[0]), r(at[1])]
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("Turtle: %s" % " ".join(task), "Kilpikonna: %s" % " ".join(task)),
              "world": {"kind": "plane", "min": [r(min(xs) - pad), r(min(ys) - pad)],
                        "max": [r(max(xs) + pad), r(max(ys) + pad)],
                        "target": [[r(v) for v in s] for s in target]},
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
        pass  # the program has ended
    if code == 43 and input_ended:
        time.sleep(GRACE)
    os._exit(code)  # no clean-up: the judge sees the simulator end first


def fail(turn, move, en, fi, at=None):
    frame(turn, move)
    finish(43, en, fi, at)


target = target_of(task)
frame(0)
print(" ".join(task), flush=True)
turn = 0
while True:
    line = sys.stdin.readline()
    if not line:
        input_ended = True
        break
    words = line.split()
    if not words:
        continue
    turn += 1
    shown = line.strip()[:40]
    if turn > MAX_COMMANDS:
        fail(turn, shown, "The turtle got tired after %d commands." % MAX_COMMANDS,
             "Kilpikonna väsyi %d komennon jälkeen." % MAX_COMMANDS)
    name = words[0].upper()
    value = None
    if name in ("FORWARD", "BACK", "LEFT", "RIGHT"):
        try:
            value = float(words[1]) if len(words) == 2 else None
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or abs(value) > 100000:
            fail(turn, shown, "Command %d: %s needs one number, as in \"%s 50\"." % (turn, name, name),
                 "Komento %d: %s tarvitsee yhden luvun, esimerkiksi \"%s 50\"." % (turn, name, name))
    elif name not in ("PENUP", "PENDOWN") or len(words) != 1:
        fail(turn, shown, "Command %d: the turtle does not know the command %r." % (turn, shown),
             "Komento %d: kilpikonna ei tunne komentoa %r." % (turn, shown))
    lines = []
    if name in ("FORWARD", "BACK"):
        distance = value if name == "FORWARD" else -value
        nx = x + distance * math.cos(math.radians(heading))
        ny = y + distance * math.sin(math.radians(heading))
        if pen and distance != 0:
            lines.append((x, y, nx, ny))
            drawing.append((x, y, nx, ny))
        x, y = nx, ny
        if abs(x) > PAPER or abs(y) > PAPER:
            fail(turn, shown, "Command %d: the turtle walked off the paper, to (%.0f, %.0f)." % (turn, x, y),
                 "Komento %d: kilpikonna käveli paperin ulkopuolelle kohtaan (%.0f, %.0f)." % (turn, x, y), (x, y))
    elif name in ("LEFT", "RIGHT"):
        heading += value if name == "LEFT" else -value
    else:
        pen = name == "PENDOWN"
    frame(turn, shown, lines)

if not drawing:
    finish(43, "The turtle drew nothing.", "Kilpikonna ei piirtänyt mitään.")
missing = first_far_point(target, Index(drawing))
if missing:
    finish(43, "The drawing does not match: the target has a line near (%.0f, %.0f) that was not drawn." % missing,
           "Piirros ei täsmää: mallissa on viiva kohdan (%.0f, %.0f) lähellä, mutta sitä ei piirretty." % missing,
           missing)
extra = first_far_point(drawing, Index(target))
if extra:
    finish(43, "The drawing does not match: a line was drawn near (%.0f, %.0f), where the target has none." % extra,
           "Piirros ei täsmää: kohdan (%.0f, %.0f) lähelle piirrettiin viiva, jota mallissa ei ole." % extra,
           extra)
finish(42, "The drawing matches the target (%d commands)." % turn,
       "Piirros vastaa mallia (%d komentoa)." % turn)
