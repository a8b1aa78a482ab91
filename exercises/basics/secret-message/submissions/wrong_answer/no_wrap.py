# Moves past z into other characters: with a shift of 3, "x" becomes "{".
k = int(input())
print("".join(c if c == " " else chr(ord(c) + k) for c in input()))
