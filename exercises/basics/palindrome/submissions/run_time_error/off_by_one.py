# The partner of s[i] is s[len(s) - 1 - i]; s[len(s) - i] is one past the end when i is 0.
s = input().lower().replace(" ", "")
same = True
for i in range(len(s)):
    if s[i] != s[len(s) - i]:
        same = False
print("yes" if same else "no")
