# Cleans the first row and stops: the rest of the room stays messy.
words = input().split()
square, left = input().split()
for step in range(int(words[1])):
    if square == "ITEM":
        print("PICK", flush=True)
        square, left = input().split()
    if step < int(words[1]) - 1:
        print("FORWARD", flush=True)
        square, left = input().split()
