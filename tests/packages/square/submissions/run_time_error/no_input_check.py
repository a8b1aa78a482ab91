# Expects two numbers on the line.
a, b = map(int, input().split())
print(a * b)
