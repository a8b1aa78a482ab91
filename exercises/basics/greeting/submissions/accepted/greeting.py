name = input().strip()
print("Hei, " + name + "!")
