goal = int(input().split()[2])
