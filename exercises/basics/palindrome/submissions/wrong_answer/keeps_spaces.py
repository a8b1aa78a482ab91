# Forgets the spaces: "Innostunut sonni" backwards has its space in another place.
line = input().lower()
print("yes" if line == line[::-1] else "no")
