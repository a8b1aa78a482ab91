n = int(input())
numbers = list(map(int, input().split()))
total = sum(numbers)
prefix = 0
answer = -1
for k in range(n + 1):
    if 2 * prefix == total:
        answer = k
        break
    if k < n:
        prefix += numbers[k]
print(answer)
