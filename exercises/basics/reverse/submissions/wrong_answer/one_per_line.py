# Prints each letter on its own line.
word = input().strip()
for letter in reversed(word):
    print(letter)
