n = int(input())
temps = [int(x) for x in input().split()]
frost_days = 0
for t in temps:
    if t < 0:
        frost_days += 1
print(min(temps))
print(max(temps))
print(frost_days)
