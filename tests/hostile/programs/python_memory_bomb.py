# Grows a list of written (not merely reserved) megabytes without end.
blocks = []
while True:
    blocks.append(b"x" * (1 << 20))
