# Takes the side for a whole number: int("12.5") stops the program.
side = int(input().split()[1])
for i in range(4):
    print("FORWARD", side)
    print("LEFT 90")
