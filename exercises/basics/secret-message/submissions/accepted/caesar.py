ALPHABET = "abcdefghijklmnopqrstuvwxyz"
k = int(input())
message = input()
result = ""
for character in message:
    if character == " ":
        result = result + " "
    else:
        result = result + ALPHABET[(ALPHABET.index(character) + k) % 26]
print(result)
