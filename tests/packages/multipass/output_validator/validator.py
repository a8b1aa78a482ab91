"""Multi-pass validator: each pass must print one more than the input it read (input_file is
that pass's input); passes 1 and 2 ask for another pass."""
import os
import sys

PASSES = 3
input_file, answer_file, feedback_dir = sys.argv[1:4]
read = int(open(input_file).read())
state_path = os.path.join(feedback_dir, "pass.txt")
current = int(open(state_path).read()) + 1 if os.path.exists(state_path) else 1
with open(state_path, "w") as state:
    state.write(str(current))

expected = read + 1
tokens = sys.stdin.read().split()
if tokens != [str(expected)]:
    with open(os.path.join(feedback_dir, "judgemessage.txt"), "a") as out:
        out.write(f"pass {current}: expected {expected}, got {' '.join(tokens)[:40]!r}\n")
    sys.exit(43)
if current < PASSES:
    with open(os.path.join(feedback_dir, "nextpass.in"), "w") as nextpass:
        nextpass.write(f"{expected}\n")
sys.exit(42)
