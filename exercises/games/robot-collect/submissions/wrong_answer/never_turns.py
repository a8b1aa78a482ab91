# Picks up the first row, then keeps walking east: into the wall.
input()
square, left = input().split()
while True:
    if square == "ITEM":
        print("PICK", flush=True)
        square, left = input().split()
    print("FORWARD", flush=True)
    square, left = input().split()
