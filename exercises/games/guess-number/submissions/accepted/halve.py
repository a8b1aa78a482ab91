# Guesses the middle of what is left, and halves the range with each answer.
words = input().split()
low, high = int(words[1]), int(words[2])
while True:
    guess = (low + high) // 2
    print(guess, flush=True)
    answer = input()
    if answer == "CORRECT":
        break
    if answer == "HIGHER":
        low = guess + 1
    else:
        high = guess - 1
