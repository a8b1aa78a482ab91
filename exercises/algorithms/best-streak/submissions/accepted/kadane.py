import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
best = ending_here = int(data[1])
for value in map(int, data[2:n + 1]):
    ending_here = value if ending_here < 0 else ending_here + value
    if ending_here > best:
        best = ending_here
print(best)
