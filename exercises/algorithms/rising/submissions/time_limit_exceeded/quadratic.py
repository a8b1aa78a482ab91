# The n * n dynamic programming: right, fast enough for group 1 (40 points) only.
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
prices = list(map(int, data[1:n + 1]))
longest = [1] * n
for i in range(n):
    for j in range(i):
        if prices[j] < prices[i] and longest[j] + 1 > longest[i]:
            longest[i] = longest[j] + 1
print(max(longest))
