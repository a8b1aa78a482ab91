# Expects one number a line: int("5200 8100 300 12000") raises ValueError.
n = int(input())
total = 0
for i in range(n):
    total += int(input())
print(total)
