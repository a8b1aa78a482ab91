# Selection sort by hand: n * n / 2 comparisons, over a billion for 50000 players.
import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
players = []
for line in lines[1:n + 1]:
    name, points = line.split()
    players.append((-int(points), name))
for i in range(n):
    best = i
    for j in range(i + 1, n):
        if players[j] < players[best]:
            best = j
    players[i], players[best] = players[best], players[i]
print("\n".join(name for _, name in players))
