# range(1, 10) stops at 9.
n = int(input())
for i in range(1, 10):
    print(f"{i} x {n} = {i * n}")
