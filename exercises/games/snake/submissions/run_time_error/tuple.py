# Unpacks the apple line into two values, but it has three words.
input()
x, y = input().split()
