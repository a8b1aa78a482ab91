# Waits for the spiral to be long enough, but compares with the wrong number.
words = input().split()
lines, length = int(words[1]), float(words[2])
total = 0
i = 0
while total != lines * length + 0.5:
    i += 1
    total = i * length
