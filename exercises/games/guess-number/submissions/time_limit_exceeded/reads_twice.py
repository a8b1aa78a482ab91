# Reads two lines after each guess: the second one never comes, and both wait.
words = input().split()
low, high = int(words[1]), int(words[2])
while True:
    guess = (low + high) // 2
    print(guess, flush=True)
    answer = input()
    input()
    if answer == "CORRECT":
        break
