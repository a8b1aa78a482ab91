# Goes through every requirement again and again, raising a course's term while some
# prerequisite is in the same or a later term. Right, but a chain of length n takes n
# rounds of m steps each.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
pairs = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(m)]
term = [1] * (n + 1)
for _ in range(n + 1):
    changed = False
    for a, b in pairs:
        if term[b] <= term[a]:
            term[b] = term[a] + 1
            changed = True
    if not changed:
        break
print(max(term[1:]) if not changed else -1)
