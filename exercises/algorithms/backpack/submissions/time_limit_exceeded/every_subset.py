# Tries every subset: 2^n choices. Fine for group 1 (n <= 15), hopeless for n = 100.
import sys

data = sys.stdin.buffer.read().split()
n, capacity = int(data[0]), int(data[1])
items = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(n)]
best = 0
for mask in range(1 << n):
    weight = value = 0
    for i in range(n):
        if mask >> i & 1:
            weight += items[i][0]
            value += items[i][1]
    if weight <= capacity and value > best:
        best = value
print(best)
