n = int(input())
total = 0
for _ in range(n):
    name, price = input().split()
    euros, cents = price.split(".")
    total += int(euros) * 100 + int(cents)
print(f"{total // 100}.{total % 100:02d}")
