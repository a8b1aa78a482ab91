# The same square drawn the other way round, north first and turning right: the drawing is
# what counts, not the commands.
side = float(input().split()[1])
print("LEFT 90")
for i in range(4):
    print("FORWARD", side)
    print("RIGHT 90")
