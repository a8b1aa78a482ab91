# Adds two strings: "2" + "3" is "23".
a, b = input().split()
print(a + b)
