# Echoes its input instead of adding one.
print(int(input()))
