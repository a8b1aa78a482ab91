# Waits for the turtle to answer each command, but the turtle never answers: both wait.
side = float(input().split()[1])
for i in range(4):
    print("FORWARD", side, flush=True)
    input()
    print("LEFT 90", flush=True)
    input()
