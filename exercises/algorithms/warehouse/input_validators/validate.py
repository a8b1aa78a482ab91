# Line 1: n in [1, 50000], q in [1, 20000]. Line 2: n amounts in [0, 1000]. Then q lines "+ i x" with
# i in [1, n], x in [-1000, 1000], or "? l r" with 1 <= l <= r <= n. No shelf goes below
# zero. Group arguments: "max N" (n and q at most N), "questions" (only "?" lines).
import re
import sys

args = sys.argv[1:]
limit = int(args[args.index("max") + 1]) if "max" in args else 50000
questions_only = "questions" in args
lines = sys.stdin.read().split("\n")


def check():
    if len(lines) < 4 or lines[-1] != "" or not re.fullmatch(r"[1-9][0-9]{0,4} [1-9][0-9]{0,4}", lines[0]):
        return False
    n, q = map(int, lines[0].split())
    if n > min(50000, limit) or q > min(20000, limit) or len(lines) != q + 3:
        return False
    amounts = lines[1].split(" ")
    if len(amounts) != n or not all(re.fullmatch(r"0|[1-9][0-9]{0,3}", a) and int(a) <= 1000 for a in amounts):
        return False
    shelves = [0] + [int(a) for a in amounts]
    change = re.compile(r"\+ ([1-9][0-9]{0,4}) (0|-?[1-9][0-9]{0,3})")
    question = re.compile(r"\? ([1-9][0-9]{0,4}) ([1-9][0-9]{0,4})")
    for line in lines[2:-1]:
        if m := question.fullmatch(line):
            if not 1 <= int(m.group(1)) <= int(m.group(2)) <= n:
                return False
        elif (m := change.fullmatch(line)) and not questions_only:
            i, x = int(m.group(1)), int(m.group(2))
            if i > n or abs(x) > 1000 or shelves[i] + x < 0:
                return False
            shelves[i] += x
        else:
            return False
    return True


sys.exit(42 if check() else 43)
