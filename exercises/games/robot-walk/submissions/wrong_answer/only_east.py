# Forgets the second part of the way: stops east of the start, not on the goal.
words = input().split()
for step in range(int(words[1])):
    print("FORWARD")
