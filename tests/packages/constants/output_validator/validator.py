"""The output is the word n times. The word comes twice: from problem.yaml's constants in this
source, and from test_group.yaml's arguments; both must have been substituted."""
import sys

WORD = "{{word}}"
input_file, answer_file, feedback_dir = sys.argv[1:4]
args = sys.argv[4:]
if args != ["word", WORD]:
    print(f"validator arguments {args} do not name {WORD!r}", file=sys.stderr)
    sys.exit(1)
n = int(open(input_file).read())
tokens = sys.stdin.read().split()
if tokens != [WORD] * n:
    with open(feedback_dir + "judgemessage.txt", "a") as message:
        message.write(f"expected {WORD!r} {n} times\n")
    sys.exit(43)
sys.exit(42)
