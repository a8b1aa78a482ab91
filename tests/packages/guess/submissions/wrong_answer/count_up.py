# Counts from 1: too many guesses for large numbers.
guess = 1
while True:
    print(guess, flush=True)
    if input().strip() == "correct":
        break
    guess += 1
