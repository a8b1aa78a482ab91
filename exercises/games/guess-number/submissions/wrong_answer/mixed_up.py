# Reads HIGHER as "guess lower": the range closes in the wrong direction.
words = input().split()
low, high = int(words[1]), int(words[2])
while True:
    guess = (low + high) // 2
    print(guess, flush=True)
    answer = input()
    if answer == "CORRECT":
        break
    if answer == "LOWER":
        low = guess + 1
    else:
        high = guess - 1
