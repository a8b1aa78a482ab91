n = int(input())
print(len(set(int(x) for x in input().split())))
