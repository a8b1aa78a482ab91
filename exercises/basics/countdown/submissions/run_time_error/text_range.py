# Forgets int(): range() does not accept the text "3".
n = input()
for i in range(n, 0, -1):
    print(i)
print("Lähtö!")
