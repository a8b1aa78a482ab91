# Walks straight ahead without looking: into the first wall.
input()
while True:
    print("FORWARD", flush=True)
    if input() == "OUT":
        break
