# Scans for the start byte; a frame is accepted only when it is complete and its checksum
# matches, otherwise the search goes on from the byte after the start byte.
import sys

data = sys.stdin.read().split()
n = int(data[0])
b = [int(x, 16) for x in data[1:1 + n]]
out = []
good = bad = 0
i = 0
while i < n:
    if b[i] != 0xAA or i + 2 >= n:
        i += 1
        continue
    length = b[i + 1]
    end = i + 3 + length  # index of the checksum byte
    if length == 0 or length % 2 or length > 16 or end >= n:
        i += 1
        continue
    if sum(b[i + 1:end]) % 256 != b[end]:
        bad += 1
        i += 1
        continue
    values = []
    for k in range(i + 3, end, 2):
        v = b[k] * 256 + b[k + 1]
        if v >= 32768:
            v -= 65536
        sign = "-" if v < 0 else ""
        values.append("%s%d.%d" % (sign, abs(v) // 10, abs(v) % 10))
    out.append("%d: %s" % (b[i + 2], " ".join(values)))
    good += 1
    i = end + 1
out.append("good %d bad %d" % (good, bad))
print("\n".join(out))
