# range(len(s) - 1) leaves out the last digit.
s = input().strip()
total = 0
for i in range(len(s) - 1):
    total += int(s[i])
print(total)
