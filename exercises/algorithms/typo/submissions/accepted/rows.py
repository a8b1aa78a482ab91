first = input().strip()
second = input().strip()
previous = list(range(len(second) + 1))  # distances from first[:i - 1]
for i, a in enumerate(first, 1):
    current = [i] + [0] * len(second)
    for j, b in enumerate(second, 1):
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
    previous = current
print(previous[-1])
