# Sweeps the room row by row like a lawn mower, picking up whatever it stands on, and stops
# as soon as the floor is clear.
words = input().split()
width, height = int(words[1]), int(words[2])
square, left = input().split()
left = int(left)


def command(name):
    global square, left
    print(name, flush=True)
    square, left = input().split()
    left = int(left)


for row in range(height):
    for step in range(width):
        if square == "ITEM":
            command("PICK")
        if left == 0:
            break
        if step < width - 1:
            command("FORWARD")
    if left == 0:
        break
    turn = "RIGHT" if row % 2 == 0 else "LEFT"
    command(turn)
    command("FORWARD")
    command(turn)
