# Uses compass directions, which the board does not know.
input()
input()
print("N", flush=True)
input()
