# Counts 0 degrees as frost.
n = int(input())
temps = [int(x) for x in input().split()]
print(min(temps))
print(max(temps))
print(sum(1 for t in temps if t <= 0))
