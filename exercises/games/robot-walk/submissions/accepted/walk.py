# East first, then turn towards the goal and walk the rest.
words = input().split()
dx = int(words[1])
dy = int(words[2])
for step in range(dx):
    print("FORWARD")
if dy > 0:
    print("RIGHT")
if dy < 0:
    print("LEFT")
for step in range(abs(dy)):
    print("FORWARD")
