# Takes the pieces one at a time: up to 20000 steps for each amount.
import sys

VALUES = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
data = sys.stdin.read().split()
out = []
for amount in map(int, data[1:]):
    pieces = 0
    for value in VALUES:
        while amount >= value:
            amount -= value
            pieces += 1
    out.append(pieces)
print("\n".join(map(str, out)))
