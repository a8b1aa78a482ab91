# Walks right before climbing: the staircase is one step to the right of the target.
words = input().split()
steps, size = int(words[1]), float(words[2])
for i in range(steps):
    print("FORWARD", size)
    print("LEFT 90")
    print("FORWARD", size)
    print("RIGHT 90")
