import sys
from bisect import bisect_right

data = sys.stdin.read().split()
n, q = int(data[0]), int(data[1])
prices = sorted(map(int, data[2:2 + n]))
budgets = map(int, data[2 + n:2 + n + q])
print("\n".join(str(bisect_right(prices, b)) for b in budgets))
