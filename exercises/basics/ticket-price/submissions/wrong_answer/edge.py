# "< 17" leaves out the 17-year-olds: they pay the adult price.
age = int(input())
if age < 7:
    print(0)
elif age < 17:
    print(2)
elif age < 65:
    print(4)
else:
    print(3)
