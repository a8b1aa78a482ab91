# Plans every step before drawing, but the loop's counter never grows.
words = input().split()
steps, size = int(words[1]), float(words[2])
plan = []
i = 0
while i < steps:
    step = ["LEFT 90", "FORWARD %g" % size, "RIGHT 90", "FORWARD %g" % size]
print("\n".join(step * steps))
