# n is still text: "7" * 3 is "777".
n = input()
for i in range(1, 11):
    print(f"{i} x {n} = {n * i}")
