# Each step: turn to face up, climb, turn back to face right, walk.
words = input().split()
steps, size = int(words[1]), float(words[2])
for i in range(steps):
    print("LEFT 90")
    print("FORWARD", size)
    print("RIGHT 90")
    print("FORWARD", size)
