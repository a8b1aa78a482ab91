# int() of more than 4300 digits raises ValueError in Python 3.11.
n = int(input())
total = 0
while n > 0:
    total += n % 10
    n //= 10
print(total)
