import sys

data = sys.stdin.buffer.read().split()
n, capacity = int(data[0]), int(data[1])
best = [0] * (capacity + 1)  # best[k]: the largest value with weight at most k
for i in range(n):
    weight, value = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    for k in range(capacity, weight - 1, -1):
        candidate = best[k - weight] + value
        if candidate > best[k]:
            best[k] = candidate
print(best[capacity])
