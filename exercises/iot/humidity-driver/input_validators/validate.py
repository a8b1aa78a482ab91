# Each line is one grader command: sensor ADDR ID, temp RAW, hum RAW (hex, at most 4
# digits), busy N, fail N (N up to 1000), stuck, corrupt t|h, init ADDR, measure ADDR.
import re
import sys

HEX2 = r"[0-9A-F]{2}"
COMMAND = re.compile(rf"sensor {HEX2} {HEX2}|(temp|hum) [0-9A-F]{{4}}|(busy|fail) (0|[1-9][0-9]{{0,2}})"
                     rf"|stuck|corrupt [th]|(init|measure) {HEX2}")
text = sys.stdin.read()
lines = text.split("\n")
ok = text.endswith("\n") and 1 <= len(lines) - 1 <= 2000 and all(
    COMMAND.fullmatch(line) for line in lines[:-1])
sys.exit(42 if ok else 43)
