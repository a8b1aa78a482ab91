#!/usr/bin/env python3
"""Writes this exercise's test data: data/sample and data/secret.

The answers (.ans) are what the accepted Python solution prints, so run this again
after changing the cases or the solution:  python3 generators/gen.py
"""
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTION = ROOT / "submissions" / "accepted" / "bfs.py"
SEED = 26
random.seed(SEED)


def case(name, text):
    """Writes data/NAME.in and its answer data/NAME.ans."""
    path = ROOT / "data" / f"{name}.in"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    answer = subprocess.run([sys.executable, str(SOLUTION)], input=text, text=True,
                            capture_output=True, check=True).stdout
    path.with_suffix(".ans").write_text(answer)


shutil.rmtree(ROOT / "data", ignore_errors=True)

def maze(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "".join(row + "\n" for row in rows)


def place(grid, ch):
    while True:
        y, x = random.randrange(len(grid)), random.randrange(len(grid[0]))
        if grid[y][x] == ".":
            grid[y][x] = ch
            return


def random_maze(r, c, walls):
    grid = [["#" if random.random() < walls else "." for _ in range(c)] for _ in range(r)]
    place(grid, "S")
    place(grid, "E")
    return ["".join(row) for row in grid]


def serpentine(r, c):
    """Every other row is a wall with one gap, at alternating ends: one very long route."""
    grid = [["."] * c for _ in range(r)]
    for y in range(1, r, 2):
        gap = c - 1 if (y // 2) % 2 == 0 else 0
        for x in range(c):
            if x != gap:
                grid[y][x] = "#"
    grid[0][0] = "S"
    grid[r - 1][c - 1 if (r // 2) % 2 == 0 else 0] = "E"
    return ["".join(row) for row in grid]


case("sample/1", maze(["S.#..", ".##.#", "...#E", ".#..."]))
case("secret/01", maze(["SE"]))
case("secret/02", maze(["S", "#", "E"]))
case("secret/03", maze(["S#E"]))
case("secret/04", maze(["S....", ".###.", ".#E#.", ".#.#.", "....."]))
case("secret/05", maze(["S.........", "#########.", "E........."]))
case("secret/06", maze(random_maze(30, 40, 0.3)))
case("secret/07", maze(serpentine(51, 60)))
case("secret/08", maze(random_maze(500, 500, 0.25)))
case("secret/09", maze(serpentine(499, 500)))
case("secret/10", maze(random_maze(500, 500, 0.45)))
