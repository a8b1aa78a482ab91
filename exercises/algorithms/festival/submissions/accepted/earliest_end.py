import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
gigs = sorted(zip(map(int, data[2::2]), map(int, data[1::2])))  # (end, start)
count, free_at = 0, -1
for end, start in gigs:
    if start >= free_at:
        count += 1
        free_at = end
print(count)
