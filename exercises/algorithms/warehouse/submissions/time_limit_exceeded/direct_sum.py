# Adds up every question's shelves one by one: n steps a question. Group 1 (30 points).
import sys

lines = sys.stdin.read().split("\n")
n, q = map(int, lines[0].split())
shelves = [0] + list(map(int, lines[1].split()))
out = []
for line in lines[2:2 + q]:
    kind, a, b = line.split()
    a, b = int(a), int(b)
    if kind == "+":
        shelves[a] += b
    else:
        total = 0
        for k in range(a, b + 1):
            total += shelves[k]
        out.append(total)
print("\n".join(map(str, out)))
