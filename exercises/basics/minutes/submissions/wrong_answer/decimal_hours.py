# "/" gives 2.25 hours, not 2.
minutes = int(input())
print(f"{minutes / 60} h {minutes % 60} min")
