line = "Hello, flood!\n" * 1000
while True:
    print(line, end="")
