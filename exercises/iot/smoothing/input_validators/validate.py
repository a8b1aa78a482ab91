# Simulator settings: seed S, readings N (1..5000), fail P (0 <= P < 1), temperature BASE SWING.
import re
import sys

text = sys.stdin.read()
keys = {}
for line in text.splitlines():
    key, *values = line.split(" ")
    keys[key] = values
NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?")
ok = text.endswith("\n") and set(keys) == {"seed", "readings", "fail", "temperature"} \
    and all(NUM.fullmatch(v) for values in keys.values() for v in values) \
    and len(keys["seed"]) == 1 and len(keys["readings"]) == 1 and len(keys["fail"]) == 1 \
    and len(keys["temperature"]) == 2 and 1 <= float(keys["readings"][0]) <= 5000 \
    and 0 <= float(keys["fail"][0]) < 1
sys.exit(42 if ok else 43)
