n = int(input())
for i in range(1, 11):
    print(f"{i} x {n} = {i * n}")
