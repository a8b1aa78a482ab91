# The recursion straight from the definition, without remembering results: the same
# distances are computed exponentially many times. Group 1 only (30 points).
import sys

sys.setrecursionlimit(10000)
first = input().strip()
second = input().strip()


def distance(i, j):
    if i == 0:
        return j
    if j == 0:
        return i
    return min(distance(i - 1, j) + 1, distance(i, j - 1) + 1,
               distance(i - 1, j - 1) + (first[i - 1] != second[j - 1]))


print(distance(len(first), len(second)))
