goal = int(input().split()[1])
for _ in range(goal - 1):
    print("MOVE", flush=True)
    input()
