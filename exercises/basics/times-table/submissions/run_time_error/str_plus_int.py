# "text" + number raises TypeError.
n = int(input())
for i in range(1, 11):
    print(str(i) + " x " + str(n) + " = " + i * n)
