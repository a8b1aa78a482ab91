# Goes right and nothing else: into the wall before it eats much.
input()
while input() != "END":
    print("R", flush=True)
