# Compares the words letter by letter at the same positions: one missing letter early on
# makes every later letter count as different.
first = input().strip()
second = input().strip()
different = sum(1 for a, b in zip(first, second) if a != b)
print(different + abs(len(first) - len(second)))
