# bisect_left counts the prices strictly below the budget: equal prices are left out.
import sys
from bisect import bisect_left

data = sys.stdin.read().split()
n, q = int(data[0]), int(data[1])
prices = sorted(map(int, data[2:2 + n]))
print("\n".join(str(bisect_left(prices, int(b))) for b in data[2 + n:2 + n + q]))
