# Tries every way the game could go, over and over: it never makes a move.
words = input().split()
stones, most = int(words[1]), int(words[3])


def wins(left):
    return any(not wins(left - take) for take in range(1, min(most, left) + 1))


while True:
    wins(stones)
