# Picks the gig that starts first: a long early gig blocks many short ones.
import sys

data = sys.stdin.buffer.read().split()
gigs = sorted(zip(map(int, data[1::2]), map(int, data[2::2])))  # (start, end)
count, free_at = 0, -1
for start, end in gigs:
    if start >= free_at:
        count += 1
        free_at = end
print(count)
