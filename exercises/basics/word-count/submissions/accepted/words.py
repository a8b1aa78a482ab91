words = input().split()
longest = words[0]
for word in words:
    if len(word) > len(longest):
        longest = word
print(len(words))
print(longest)
