# "range LO HI" (-10^9 <= LO <= HI <= 10^9, whole numbers) and "seed S".
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"range (-?[0-9]+) (-?[0-9]+)\nseed ([0-9]+)\n", text)
ok = m and -10**9 <= int(m.group(1)) <= int(m.group(2)) <= 10**9
sys.exit(42 if ok else 43)
