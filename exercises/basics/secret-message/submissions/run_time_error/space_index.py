# The space is not in the alphabet: index(" ") raises ValueError.
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
k = int(input())
print("".join(ALPHABET[(ALPHABET.index(c) + k) % 26] for c in input()))
