# Adds every number in the input, n included.
import sys

print(sum(int(x) for x in sys.stdin.read().split()))
