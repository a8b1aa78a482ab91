# Four times: a side, then a quarter turn to the left.
side = float(input().split()[1])
for i in range(4):
    print("FORWARD", side)
    print("LEFT 90")
