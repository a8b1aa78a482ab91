# Looks one word past the end of the list: IndexError.
words = input().split()
longest = ""
for i in range(len(words) + 1):
    if len(words[i]) > len(longest):
        longest = words[i]
print(len(words))
print(longest)
