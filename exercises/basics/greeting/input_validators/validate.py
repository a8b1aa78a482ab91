# One line with a name: 1 to 30 letters (Finnish letters included), hyphens allowed inside.
import re
import sys

data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
ok = re.fullmatch(r"[A-Za-zÅÄÖåäöÉé](?:[A-Za-zÅÄÖåäöÉé-]*[A-Za-zÅÄÖåäöÉé])?\n", data)
sys.exit(42 if ok and len(data) <= 31 else 43)
