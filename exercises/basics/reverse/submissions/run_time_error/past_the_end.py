# Starts from position len(word), one past the last letter: IndexError.
word = input().strip()
result = ""
for i in range(len(word), -1, -1):
    result = result + word[i]
print(result)
