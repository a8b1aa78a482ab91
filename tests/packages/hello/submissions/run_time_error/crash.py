name = input()
raise ValueError(f"cannot greet {name}")
