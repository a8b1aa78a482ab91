# Tries to plan every possible game before the first move.
from itertools import product

words = input().split()
for plan in product("UDLR", repeat=40):
    pass
