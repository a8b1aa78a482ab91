# Writes data/: perfect mazes (one way between any two squares) carved at random with a
# fixed seed, and by hand a maze with a loop round an island next to the start, where a robot
# that only follows the wall on its right goes round for ever.
import random
from pathlib import Path

SEED = 19
HERE = Path(__file__).resolve().parent.parent


def carve(w, h, rng):
    """A (2h+1) x (2w+1) grid of a perfect maze of w x h rooms."""
    grid = [["#"] * (2 * w + 1) for _ in range(2 * h + 1)]
    stack = [(rng.randrange(w), rng.randrange(h))]
    seen = {stack[0]}
    grid[2 * stack[0][1] + 1][2 * stack[0][0] + 1] = "."
    while stack:
        x, y = stack[-1]
        nxt = [(x + dx, y + dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
               if 0 <= x + dx < w and 0 <= y + dy < h and (x + dx, y + dy) not in seen]
        if not nxt:
            stack.pop()
            continue
        nx, ny = rng.choice(nxt)
        grid[y + ny + 1][x + nx + 1] = "."
        grid[2 * ny + 1][2 * nx + 1] = "."
        seen.add((nx, ny))
        stack.append((nx, ny))
    return grid


def maze(w, h, rng, braid=0):
    grid = carve(w, h, rng)
    for _ in range(braid):  # knock out inner walls to make loops
        y = rng.randrange(1, 2 * h)
        x = rng.randrange(1, 2 * w)
        if (x + y) % 2 == 1:
            grid[y][x] = "."
    rooms = [(2 * x + 1, 2 * y + 1) for x in range(w) for y in range(h)]
    rx, ry = rng.choice(rooms)
    grid[ry][rx] = "R"
    side = rng.choice("NESW")
    if side in "NS":
        x = 2 * rng.randrange(w) + 1
        grid[0 if side == "N" else 2 * h][x] = "E"
    else:
        y = 2 * rng.randrange(h) + 1
        grid[y][0 if side == "W" else 2 * w] = "E"
    return "facing %s\n" % rng.choice("NESW") + "\n".join("".join(r) for r in grid) + "\n"


ISLAND = """facing E
#############
#...R.......#
#.#########.#
#.#########.#
#...........#
######.######
#...........#
#.#########.#
#...........E
#############
"""


def main():
    rng = random.Random(SEED)
    (HERE / "data/sample").mkdir(parents=True, exist_ok=True)
    (HERE / "data/secret").mkdir(parents=True, exist_ok=True)
    (HERE / "data/sample/1.in").write_text("""facing E
#########
#R..#...#
###.#.#.#
#...#.#.#
#.###.#.#
#.....#.E
#########
""")
    cases = [("1-small", maze(3, 3, rng)), ("2-corridors", maze(6, 4, rng)),
             ("3-wide", maze(9, 5, rng)), ("4-loops", maze(7, 6, rng, braid=12)),
             ("5-island", ISLAND), ("6-big", maze(10, 7, rng))]
    for name, text in cases:
        (HERE / "data/secret" / (name + ".in")).write_text(text)


main()
