# print() puts a space between its parts: prints "Hei, Aino !"
name = input()
print("Hei,", name, "!")
