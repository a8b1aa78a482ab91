# Counts the terms for the courses it can pass and never notices a cycle.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
unlocks = [[] for _ in range(n + 1)]
missing = [0] * (n + 1)
for i in range(m):
    a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    unlocks[a].append(b)
    missing[b] += 1
term = [c for c in range(1, n + 1) if missing[c] == 0]
terms = 0
while term:
    terms += 1
    following = []
    for course in term:
        for other in unlocks[course]:
            missing[other] -= 1
            if missing[other] == 0:
                following.append(other)
    term = following
print(terms)
