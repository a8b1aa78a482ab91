# Adds floats and prints them as they are: 3.6000000000000005.
n = int(input())
total = 0.0
for _ in range(n):
    name, price = input().split()
    total += float(price)
print(total)
