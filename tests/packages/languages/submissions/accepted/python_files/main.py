"""Reads pi from a file of its own, by a path relative to where it runs."""
pi = float(open("pi.txt").read())
r = float(input())
print(pi * r * r)
