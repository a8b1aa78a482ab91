word = input().strip()
result = ""
for i in range(len(word) - 1, -1, -1):
    result = result + word[i]
print(result)
