# max() of strings compares them as text: "9400" > "12050".
print(max(input().split()))
