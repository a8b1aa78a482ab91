# Simulator settings: seed S, minutes N (1..5000), start T, outside LOW SWING, and one or
# more "target MINUTE DEGREES" lines, the first at minute 0, minutes increasing.
import re
import sys

text = sys.stdin.read()
keys, targets = {}, []
for line in text.splitlines():
    key, *values = line.split(" ")
    if key == "target":
        targets.append(values)
    else:
        keys[key] = values
NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?")
ok = text.endswith("\n") and set(keys) == {"seed", "minutes", "start", "outside"} \
    and all(NUM.fullmatch(v) for values in list(keys.values()) + targets for v in values) \
    and [len(keys[k]) for k in ("seed", "minutes", "start", "outside")] == [1, 1, 1, 2] \
    and 1 <= float(keys["minutes"][0]) <= 5000 and targets and all(len(t) == 2 for t in targets)
if ok:
    minutes = [int(t[0]) for t in targets]
    ok = minutes[0] == 0 and minutes == sorted(set(minutes))
sys.exit(42 if ok else 43)
