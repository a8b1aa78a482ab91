"""Accepts any two non-negative integers whose sum is n (the input)."""
import sys

input_file, answer_file, feedback_dir = sys.argv[1:4]
n = int(open(input_file).read())


def reject(message):
    with open(feedback_dir + "judgemessage.txt", "w") as out:
        out.write(message + "\n")
    sys.exit(43)


tokens = sys.stdin.read().split()
if len(tokens) != 2:
    reject(f"expected two numbers, got {len(tokens)} tokens")
try:
    a, b = (int(token) for token in tokens)
except ValueError:
    reject("not integers")
if a < 0 or b < 0:
    reject("negative number")
if a + b != n:
    reject(f"{a} + {b} is not {n}")
sys.exit(42)
