# Compares text with a number: "17" < 7 raises TypeError.
age = input()
if age < 7:
    print(0)
else:
    print(4)
