# Always plays the centre, also when it is taken.
input()
while True:
    print(5, flush=True)
    input()
