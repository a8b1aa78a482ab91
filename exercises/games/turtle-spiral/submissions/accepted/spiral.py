# Line i is i times the first one; the turn stays the same.
words = input().split()
lines, length, angle = int(words[1]), float(words[2]), float(words[3])
for i in range(1, lines + 1):
    print("FORWARD", i * length)
    print("LEFT", angle)
