print(f"Hello {input()}!")
