# bisect_right lets an equal price continue a sequence: counts non-decreasing sequences.
import sys
from bisect import bisect_right

data = sys.stdin.buffer.read().split()
ends = []
for price in map(int, data[1:]):
    k = bisect_right(ends, price)
    if k == len(ends):
        ends.append(price)
    else:
        ends[k] = price
print(len(ends))
