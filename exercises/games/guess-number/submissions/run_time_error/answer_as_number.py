# Takes the answer for a number: int("HIGHER") stops the program.
words = input().split()
print((int(words[1]) + int(words[2])) // 2, flush=True)
low = int(input())
