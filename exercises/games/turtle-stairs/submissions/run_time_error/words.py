# Reads only two words from a line of three.
name, steps = input().split()
