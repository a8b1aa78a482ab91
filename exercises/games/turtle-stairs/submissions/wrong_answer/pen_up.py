# Lifts the pen to move to the start of each step and forgets to put it down again.
words = input().split()
steps, size = int(words[1]), float(words[2])
for i in range(steps):
    print("LEFT 90")
    print("FORWARD", size)
    print("RIGHT 90")
    print("PENUP")
    print("FORWARD", size)
