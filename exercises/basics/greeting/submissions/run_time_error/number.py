# Treats the name as a number: int("Aino") raises ValueError.
name = int(input())
print("Hei, " + str(name) + "!")
