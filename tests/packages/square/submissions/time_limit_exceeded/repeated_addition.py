n = abs(int(input()))
total = 0
for _ in range(n):
    total += n
print(total)
