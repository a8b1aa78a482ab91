import sys

lines = sys.stdin.buffer.read().split(b"\n")
n, q = map(int, lines[0].split())
tree = [0] * (n + 1)  # tree[k]: the total of shelves k - (k & -k) + 1 .. k
for k, amount in enumerate(map(int, lines[1].split()), 1):
    tree[k] += amount
    parent = k + (k & -k)
    if parent <= n:
        tree[parent] += tree[k]


def prefix(k):
    total = 0
    while k > 0:
        total += tree[k]
        k -= k & -k
    return total


out = []
for line in lines[2:2 + q]:
    kind, a, b = line.split()
    a, b = int(a), int(b)
    if kind == b"+":
        while a <= n:
            tree[a] += b
            a += a & -a
    else:
        out.append(prefix(b) - prefix(a - 1))
print("\n".join(map(str, out)))
