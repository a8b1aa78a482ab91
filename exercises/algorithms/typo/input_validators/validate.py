# Two lines, each a word of 1 to 1000 letters a-z (at most the group's argument).
import re
import sys

longest = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
match = re.fullmatch(r"([a-z]+)\n([a-z]+)\n", sys.stdin.read())
ok = match is not None and all(len(w) <= min(1000, longest) for w in match.groups())
sys.exit(42 if ok else 43)
