print(" ".join(["{{word}}".upper()] * int(input())))
