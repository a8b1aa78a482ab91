# Forgets to make the lines longer: it draws a polygon, not a spiral.
words = input().split()
lines, length, angle = int(words[1]), float(words[2]), float(words[3])
for i in range(1, lines + 1):
    print("FORWARD", length)
    print("LEFT", angle)
