# Simulator settings: seed S, minutes N (1..10000), limits LOW HIGH (LOW < HIGH),
# weather MEAN SWING NOISE.
import re
import sys

text = sys.stdin.read()
keys = {}
for line in text.splitlines():
    key, *values = line.split(" ")
    keys[key] = values
NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?")
ok = text.endswith("\n") and set(keys) == {"seed", "minutes", "limits", "weather"} \
    and all(NUM.fullmatch(v) for values in keys.values() for v in values) \
    and [len(keys[k]) for k in ("seed", "minutes", "limits", "weather")] == [1, 1, 2, 3] \
    and 1 <= float(keys["minutes"][0]) <= 10000 \
    and float(keys["limits"][0]) < float(keys["limits"][1])
sys.exit(42 if ok else 43)
