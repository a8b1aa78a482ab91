# Counts the numbers that appear exactly once, not the different numbers.
from collections import Counter

n = int(input())
counts = Counter(input().split())
print(sum(1 for c in counts.values() if c == 1))
