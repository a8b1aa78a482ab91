# f in [1, 100] filters, then t in [1, 1000] topics. Levels are 1 to 20 characters of
# a-z 0-9 _ -, at most 10 levels and 100 characters. A filter level may also be "+", and
# "#" only as the last level.
import re
import sys

LEVEL = r"[a-z0-9_-]{1,20}"
TOPIC = re.compile(rf"{LEVEL}(/{LEVEL}){{0,9}}")
FILTER = re.compile(rf"({LEVEL}|\+)(/({LEVEL}|\+)){{0,9}}(/#)?|#")


def check(lines):
    if not re.fullmatch(r"[1-9][0-9]{0,2}", lines[0]) or int(lines[0]) > 100:
        return False
    f = int(lines[0])
    filters = lines[1:1 + f]
    if len(filters) != f or not all(FILTER.fullmatch(x) and len(x) <= 100 for x in filters):
        return False
    if any(x.count("/") > 9 for x in filters):
        return False
    rest = lines[1 + f:]
    if not rest or not re.fullmatch(r"[1-9][0-9]{0,3}", rest[0]) or int(rest[0]) > 1000:
        return False
    topics = rest[1:]
    return len(topics) == int(rest[0]) and all(TOPIC.fullmatch(x) and len(x) <= 100 for x in topics)


text = sys.stdin.read()
lines = text.split("\n")
ok = text.endswith("\n") and lines[-1] == "" and len(lines) >= 5 and check(lines[:-1])
sys.exit(42 if ok else 43)
