# Jumps instead of walking: a move the robot does not know.
input()
print("JUMP", flush=True)
input()
