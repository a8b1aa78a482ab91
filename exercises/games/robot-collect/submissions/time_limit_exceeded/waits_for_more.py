# Waits for a third line before moving, but the robot only says two: both wait forever.
input()
input()
input()
print("FORWARD", flush=True)
