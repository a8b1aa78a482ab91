# Builds a tree 30 levels deep with 200-character names in /box (6000 characters of path,
# beyond PATH_MAX), then answers.
import os

name = "d" * 200
for level in range(30):
    os.mkdir(name)
    os.chdir(name)
    with open("f" * 200, "w") as leaf:
        leaf.write("leaf\n")
os.chdir("/box")
n = int(input())
print(n * n)
