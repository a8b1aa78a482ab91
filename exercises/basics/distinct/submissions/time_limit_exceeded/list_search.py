# "in" on a list searches the whole list: n * n steps.
n = int(input())
seen = []
for x in input().split():
    if x not in seen:
        seen.append(x)
print(len(seen))
