cleaned = input().lower().replace(" ", "")
print("yes" if cleaned == cleaned[::-1] else "no")
