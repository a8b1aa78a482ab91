import sys
from bisect import bisect_left

data = sys.stdin.buffer.read().split()
n = int(data[0])
ends = []  # ends[k]: the lowest price that ends a rising sequence of length k + 1
for price in map(int, data[1:n + 1]):
    k = bisect_left(ends, price)
    if k == len(ends):
        ends.append(price)
    else:
        ends[k] = price
print(len(ends))
