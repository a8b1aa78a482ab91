# Depth-first exploration: remember every square visited (relative to the start), try each
# unvisited neighbour, and walk back the same way when a branch is a dead end.
import sys

sys.setrecursionlimit(10000)
DIRS = "NESW"
STEP = {"N": (0, -1), "E": (1, 0), "S": (0, 1), "W": (-1, 0)}
facing = 0  # we do not know the compass: call the starting direction "N"
x, y = 0, 0
visited = {(0, 0)}


def say(command):
    print(command, flush=True)
    return input()


def face(direction):
    global facing
    turns = (direction - facing) % 4
    if turns == 3:
        say("LEFT")
    else:
        for _ in range(turns):
            say("RIGHT")
    facing = direction


def explore():
    """Returns True once the robot is out."""
    global x, y
    for direction in range(4):
        dx, dy = STEP[DIRS[direction]]
        if (x + dx, y + dy) in visited:
            continue
        face(direction)
        seen = say("LOOK")
        if seen == "WALL":
            visited.add((x + dx, y + dy))
            continue
        if say("FORWARD") == "OUT":
            return True
        x, y = x + dx, y + dy
        visited.add((x, y))
        if explore():
            return True
        face((direction + 2) % 4)  # back to where we came from
        say("FORWARD")
        x, y = x - dx, y - dy
    return False


input()  # READY
explore()
