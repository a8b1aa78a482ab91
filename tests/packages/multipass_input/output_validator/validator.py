"""A pass is right when the submission printed one more than the input it read (input_file);
below 4, that answer is the next pass's input."""
import sys

input_file, answer_file, feedback_dir = sys.argv[1:4]
n = int(open(input_file).read())
try:
    m = int(sys.stdin.read())
except ValueError:
    m = None
if m != n + 1:
    with open(feedback_dir + "judgemessage.txt", "a") as message:
        message.write(f"read {n}, printed {m}\n")
    sys.exit(43)
if m < 4:
    with open(feedback_dir + "nextpass.in", "w") as nextpass:
        nextpass.write(f"{m}\n")
sys.exit(42)
