# Simulator settings: seed S, presses N (1..1000), glitch P (0 <= P < 0.1).
import re
import sys

text = sys.stdin.read()
keys = {}
for line in text.splitlines():
    key, *values = line.split(" ")
    keys[key] = values
NUM = re.compile(r"[0-9]+(\.[0-9]+)?")
ok = text.endswith("\n") and set(keys) == {"seed", "presses", "glitch"} \
    and all(len(v) == 1 and NUM.fullmatch(v[0]) for v in keys.values()) \
    and 1 <= float(keys["presses"][0]) <= 1000 and 0 <= float(keys["glitch"][0]) < 0.1
sys.exit(42 if ok else 43)
