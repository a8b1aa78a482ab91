# Expects hours and minutes on the line: there is only one number, so unpacking fails.
hours, minutes = input().split()
print(f"{hours} h {minutes} min")
