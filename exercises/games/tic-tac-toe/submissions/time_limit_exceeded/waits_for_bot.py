# Waits for the bot to move first, also when the program plays X and must begin.
input()
while True:
    answer = input().split()
    print(5, flush=True)
