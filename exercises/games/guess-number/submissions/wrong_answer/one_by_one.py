# Tries every number in turn: fine for 1..3, far too slow for 1..100.
words = input().split()
guess = int(words[1])
while True:
    print(guess, flush=True)
    if input() == "CORRECT":
        break
    guess += 1
