name = input()
while True:
    pass
