# Minimax: try every move, assume the bot answers as well as it can, and pick a move whose
# worst outcome is best. A board has few enough positions to search them all (with a cache).
import functools

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(cells):
    for a, b, c in LINES:
        if cells[a] != "." and cells[a] == cells[b] == cells[c]:
            return cells[a]
    return None


@functools.lru_cache(maxsize=None)
def score(cells, to_move, me):
    """+1 if `me` wins with best play from here, -1 if `me` loses, 0 for a draw."""
    won = winner(cells)
    if won:
        return 1 if won == me else -1
    if "." not in cells:
        return 0
    other = "O" if to_move == "X" else "X"
    results = [score(cells[:i] + to_move + cells[i + 1:], other, me)
               for i in range(9) if cells[i] == "."]
    return max(results) if to_move == me else min(results)


me = input().split()[1]
bot = "O" if me == "X" else "X"
board = "........."
answer = input().split() if bot == "X" else []
while True:
    if answer:
        if answer[0] != "BOT":
            break  # WIN or DRAW
        square = int(answer[1]) - 1
        board = board[:square] + bot + board[square + 1:]
        if len(answer) > 2:
            break  # the bot's move ended the game
    moves = [i for i in range(9) if board[i] == "."]
    best = max(moves, key=lambda i: score(board[:i] + me + board[i + 1:], bot, me))
    board = board[:best] + me + board[best + 1:]
    print(best + 1, flush=True)
    answer = input().split()
