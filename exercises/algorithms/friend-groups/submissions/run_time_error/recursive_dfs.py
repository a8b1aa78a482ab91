# Recursive depth-first search: a long chain of friends goes past Python's recursion
# limit (RecursionError).
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
friends = [[] for _ in range(n + 1)]
for i in range(m):
    a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    friends[a].append(b)
    friends[b].append(a)
seen = [False] * (n + 1)


def visit(person):
    seen[person] = True
    for other in friends[person]:
        if not seen[other]:
            visit(other)


groups = 0
for person in range(1, n + 1):
    if not seen[person]:
        groups += 1
        visit(person)
print(groups)
