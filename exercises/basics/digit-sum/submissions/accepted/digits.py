total = 0
for character in input().strip():
    total += int(character)
print(total)
