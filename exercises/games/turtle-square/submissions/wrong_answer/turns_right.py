# Turns right: a square of the right size, but below the start instead of above it.
side = float(input().split()[1])
for i in range(4):
    print("FORWARD", side)
    print("RIGHT 90")
