# Forgets the 2 and 20 cent coins and the 2 euro coin and 20 euro note.
import sys

VALUES = [50000, 10000, 5000, 1000, 500, 100, 50, 10, 5, 1]
data = sys.stdin.read().split()
for amount in map(int, data[1:]):
    pieces = 0
    for value in VALUES:
        pieces += amount // value
        amount %= value
    print(pieces)
