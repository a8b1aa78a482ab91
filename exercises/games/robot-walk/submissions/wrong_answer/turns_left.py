# Mixes up left and right: the robot turns north and walks into the wall.
words = input().split()
dx = int(words[1])
dy = int(words[2])
for step in range(dx):
    print("FORWARD")
print("LEFT")
for step in range(abs(dy)):
    print("FORWARD")
