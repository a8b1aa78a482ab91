"""Answers wrong, then waits for more and crashes at the end of its input: the validator's
rejection came first and decides."""
n, mode = input().split()
print(2 * int(n) + 2, flush=True)
input()
