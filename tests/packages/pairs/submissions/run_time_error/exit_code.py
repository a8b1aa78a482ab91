import sys
n = int(input())
print(0, n)
sys.exit(3)
