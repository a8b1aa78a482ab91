# "stones N" (1..100), "max K" (1..20), "seed S"; N is not a multiple of K + 1.
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"stones ([0-9]+)\nmax ([0-9]+)\nseed ([0-9]+)\n", text)
ok = m and 1 <= int(m.group(1)) <= 100 and 1 <= int(m.group(2)) <= 20 \
    and int(m.group(1)) % (int(m.group(2)) + 1) != 0
sys.exit(42 if ok else 43)
