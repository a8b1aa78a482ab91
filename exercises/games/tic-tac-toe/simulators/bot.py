# The bot of "tic-tac-toe against a perfect bot". Kattis interactive convention: argv =
# input file, answer file, feedback dir; the program's moves arrive on stdin, its input goes
# to stdout. The input file: "you X" or "you O" (X begins) and "seed S". Squares are 1..9,
# row by row. Sends "YOU X" or "YOU O", and "BOT c" at once when the bot begins. After each
# move of the program it answers WIN or DRAW when that move ended the game, otherwise the
# bot's move "BOT c", followed on the same line by LOSE or DRAW when the bot's move ended it.
# The bot plays perfectly (minimax; among equally good moves the seed chooses), so the
# program cannot win, only draw. Accepts (42, score 1) when the program did not lose and then
# ended; 43 when it lost or made an illegal move. Always writes replay.json
# (judge/PACKAGES.md) into the feedback dir.
import functools
import json
import os
import random
import sys
import time

# When the program's input ends early (it crashed, or its time ran out), the simulator waits
# GRACE seconds before it rejects: the judge orders the two ends by time, and the program's own
# failure must come first.
GRACE = 0.25
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

params = {}
for line in open(sys.argv[1]):
    key, *values = line.split()
    params[key] = values
feedback = sys.argv[3]
you = params["you"][0]
bot = "O" if you == "X" else "X"
rng = random.Random(int(params["seed"][0]))
board = ["."] * 9
frames = []
input_ended = False


def text(en, fi):
    return {"en": en, "fi": fi}


def winner(cells):
    for a, b, c in LINES:
        if cells[a] != "." and cells[a] == cells[b] == cells[c]:
            return cells[a]
    return None


@functools.lru_cache(maxsize=None)
def value(cells, to_move):
    """+1 if X wins with perfect play from here, -1 if O does, 0 for a draw."""
    won = winner(cells)
    if won:
        return 1 if won == "X" else -1
    if "." not in cells:
        return 0
    other = "O" if to_move == "X" else "X"
    results = [value(cells[:i] + to_move + cells[i + 1:], other) for i in range(9) if cells[i] == "."]
    return max(results) if to_move == "X" else min(results)


def bot_move():
    cells = "".join(board)
    scores = {i: value(cells[:i] + bot + cells[i + 1:], you) for i in range(9) if cells[i] == "."}
    best = max(scores.values()) if bot == "X" else min(scores.values())
    return rng.choice(sorted(i for i, s in scores.items() if s == best))


def frame(turn, by, move, events=()):
    marks = [{"x": i % 3, "y": i // 3, "kind": board[i].lower()} for i in range(9) if board[i] != "."]
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
    if at is not None:
        outcome["at"] = [at % 3, at // 3]
    replay = {"format": "koodikoe-replay", "version": 1,
              "title": text("Tic-tac-toe: you are %s" % you, "Ristinolla: sinä olet %s" % you),
              "world": {"kind": "grid", "width": 3, "height": 3}, "frames": frames,
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


def fail(en, fi, at=None):
    frames[-1].setdefault("events", []).append({"text": text(en, fi), "tone": "bad"})
    finish(43, en, fi, at)


def next_line():
    while True:
        line = sys.stdin.readline()
        if not line or line.strip():
            return line


def end_of_game():
    """After a good end: the program must stop now."""
    if next_line():
        fail("The program went on after the game was over.", "Ohjelma jatkoi pelin päätyttyä.")
    if winner(board) == you:
        finish(42, "The program won!", "Ohjelma voitti!")
    finish(42, "A draw: the perfect bot did not win.", "Tasapeli: täydellinen botti ei voittanut.")


def play_bot(turn):
    """The bot's move; returns the end word for its line ("" if the game goes on)."""
    square = bot_move()
    board[square] = bot
    if winner(board) == bot:
        frame(turn, "bot", str(square + 1), [{"text": text("The bot got three in a row.",
                                                           "Botti sai kolmen suoran."), "tone": "bad"}])
        return "LOSE", square
    if "." not in board:
        frame(turn, "bot", str(square + 1), [{"text": text("The board is full: a draw.",
                                                           "Lauta on täynnä: tasapeli."), "tone": "good"}])
        return "DRAW", square
    frame(turn, "bot", str(square + 1))
    return "", square


frame(0, "world", None, [{"text": text("You play %s, the bot %s. X begins." % (you, bot),
                                       "Sinä pelaat %s, botti %s. X aloittaa." % (you, bot))}])
print("YOU %s" % you, flush=True)
turn = 0
if bot == "X":
    _, square = play_bot(turn)
    print("BOT %d" % (square + 1), flush=True)
while True:
    line = next_line()
    turn += 1
    if not line:
        input_ended = True
        fail("The program ended in the middle of the game.", "Ohjelma päättyi kesken pelin.")
    try:
        square = int(line.strip()) - 1
    except ValueError:
        square = -1
    if not 0 <= square <= 8 or board[square] != ".":
        frame(turn, "program", line.strip()[:30])
        why = ("taken", "varattu") if 0 <= square <= 8 else ("not a square 1-9", "ei ruutu 1–9")
        fail("Move %d: %r is %s." % (turn, line.strip()[:30], why[0]),
             "Siirto %d: %r on %s." % (turn, line.strip()[:30], why[1]),
             square if 0 <= square <= 8 else None)
    board[square] = you
    if winner(board) == you or "." not in board:
        frame(turn, "program", str(square + 1), [{"text": text("The game is over.", "Peli on ohi."),
                                                  "tone": "good"}])
        print("WIN" if winner(board) == you else "DRAW", flush=True)
        end_of_game()
    frame(turn, "program", str(square + 1))
    end, square = play_bot(turn)
    try:
        print(("BOT %d %s" % (square + 1, end)).strip(), flush=True)
    except BrokenPipeError:
        pass
    if end == "LOSE":
        fail("The bot won: it got three in a row.", "Botti voitti: se sai kolmen suoran.", square)
    if end == "DRAW":
        end_of_game()
