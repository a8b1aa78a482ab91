n, mode = input().split()
raise RuntimeError("cannot double " + n)
