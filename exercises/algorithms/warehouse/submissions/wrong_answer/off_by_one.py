# Prefix sums with S[r] - S[l] instead of S[r] - S[l - 1]: leaves out shelf l.
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
    if kind == "+":
        shelves[int(a)] += int(b)
        for k in range(int(a), n + 1):
            prefix[k] += int(b)
    else:
        out.append(prefix[int(b)] - prefix[int(a)])
print("\n".join(map(str, out)))
