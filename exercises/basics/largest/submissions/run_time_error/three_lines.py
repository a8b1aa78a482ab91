# Reads one number a line, but all three are on the same line:
# int("8200 12050 9400") raises ValueError.
a = int(input())
b = int(input())
c = int(input())
print(max(a, b, c))
