# Counts down to 0, one number too far.
n = int(input())
for i in range(n, -1, -1):
    print(i)
print("Lähtö!")
