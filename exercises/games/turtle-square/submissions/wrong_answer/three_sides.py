# One side too few.
side = float(input().split()[1])
for i in range(3):
    print("FORWARD", side)
    print("LEFT 90")
