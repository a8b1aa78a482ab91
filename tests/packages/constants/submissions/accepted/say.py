WORD = "{{word}}"
MAX_N = {{max_n}}
n = int(input())
assert 1 <= n <= MAX_N
print(" ".join([WORD] * n))
