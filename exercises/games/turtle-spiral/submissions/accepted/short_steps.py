# Draws each line in short steps of at most 1: many more commands, the same drawing.
words = input().split()
lines, length, angle = int(words[1]), float(words[2]), float(words[3])
for i in range(1, lines + 1):
    left = i * length
    while left > 0:
        step = min(1.0, left)
        print("FORWARD", step)
        left -= step
    print("LEFT", angle)
