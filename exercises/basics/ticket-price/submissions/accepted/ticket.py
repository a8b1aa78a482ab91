age = int(input())
if age < 7:
    print(0)
elif age <= 17:
    print(2)
elif age <= 64:
    print(4)
else:
    print(3)
