import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
players = []
for line in lines[1:n + 1]:
    name, points = line.split()
    players.append((-int(points), name))
players.sort()
print("\n".join(name for _, name in players))
