# Reads the answer to LOOK as a number.
input()
print("LOOK", flush=True)
distance = int(input())
