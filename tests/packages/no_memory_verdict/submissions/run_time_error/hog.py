"""Holds 256 MiB of touched memory, eight times the limit."""
blocks = []
for i in range(256):
    blocks.append(bytes([i % 256]) * (1 << 20))
