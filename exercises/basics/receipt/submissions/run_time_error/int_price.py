# int("2.49") raises ValueError: the price is not a whole number.
n = int(input())
total = 0
for _ in range(n):
    name, price = input().split()
    total += int(price)
print(total)
