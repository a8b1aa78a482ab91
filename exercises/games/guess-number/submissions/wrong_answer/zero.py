# Starts from 0, which is below the range.
input()
print(0, flush=True)
input()
