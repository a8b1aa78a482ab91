minutes = int(input())
print(f"{minutes // 60} h {minutes % 60} min")
