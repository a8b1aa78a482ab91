# int("2 3") raises ValueError: the line holds two numbers.
n = int(input())
print(n)
