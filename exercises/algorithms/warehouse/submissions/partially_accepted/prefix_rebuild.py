# Prefix sums, rebuilt from the changed shelf onwards after every change. Fast when
# nothing changes: groups 1 and 2 (60 points), too slow for group 3.
import sys

lines = sys.stdin.read().split("\n")
n, q = map(int, lines[0].split())
shelves = [0] + list(map(int, lines[1].split()))
prefix = [0] * (n + 1)
for k in range(1, n + 1):
    prefix[k] = prefix[k - 1] + shelves[k]
out = []
for line in lines[2:2 + q]:
    kind, a, b = line.split()
    a, b = int(a), int(b)
    if kind == "+":
        shelves[a] += b
        for k in range(a, n + 1):
            prefix[k] += b
    else:
        out.append(prefix[b] - prefix[a - 1])
print("\n".join(map(str, out)))
