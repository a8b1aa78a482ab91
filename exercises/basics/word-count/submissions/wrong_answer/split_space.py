# split(" ") makes empty words between repeated spaces.
words = input().split(" ")
longest = max(words, key=len)
print(len(words))
print(longest)
