# Wraps around like a 32-bit int: right for the small group only.
# @EXPECTED_SCORE@: 40
n = int(input())
total = n * (n + 1) // 2
print((total + 2**31) % 2**32 - 2**31)
