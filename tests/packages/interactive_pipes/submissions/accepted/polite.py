"""Answers, and in linger tests waits for the validator to end."""
import sys

n, mode = sys.stdin.readline().split()
print(2 * int(n), flush=True)
if mode == "linger":
    sys.stdin.read()
