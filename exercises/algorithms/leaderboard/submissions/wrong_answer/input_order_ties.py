# Sorts by points only: equal points keep the input order, not alphabetical order.
import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
players = [line.split() for line in lines[1:n + 1]]
players.sort(key=lambda p: -int(p[1]))
print("\n".join(name for name, _ in players))
