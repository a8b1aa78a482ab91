# Counts the words from 1: words[4] does not exist.
words = input().split()
angle = float(words[4])
