# Tries every divisor up to n: right, but a large prime takes hours.
n = int(input())
prime = n > 1
for d in range(2, n):
    if n % d == 0:
        prime = False
        break
print("yes" if prime else "no")
