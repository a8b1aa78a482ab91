goal = int(input().split()[1])
for _ in range(goal):
    print("MOVE", flush=True)
    input()
