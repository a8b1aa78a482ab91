"""testlib-style checker: checker INPUT OUTPUT ANSWER; 0 ok, 1 wrong, 2 presentation, 3 fail."""
import sys

input_path, output_path, answer_path = sys.argv[1:4]
numbers = [int(x) for x in open(input_path).read().split()][1:]
expected = int(open(answer_path).read())
tokens = open(output_path).read().split()
if len(tokens) != 1:
    print("wrong output format: expected one number", file=sys.stderr)
    sys.exit(2)
try:
    k = int(tokens[0])
except ValueError:
    print(f"wrong output format: {tokens[0]!r} is not an integer", file=sys.stderr)
    sys.exit(2)
if expected == -1:
    ok = k == -1
else:
    ok = 0 <= k <= len(numbers) and sum(numbers[:k]) == sum(numbers[k:])
if not ok:
    print(f"wrong answer: {k} does not split the list evenly", file=sys.stderr)
    sys.exit(1)
print("ok", file=sys.stderr)
sys.exit(0)
