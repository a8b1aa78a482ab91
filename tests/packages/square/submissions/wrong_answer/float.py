# @EXPECTED_RESULTS@: WRONG-ANSWER
n = int(input())
print(float(n) ** 2)
