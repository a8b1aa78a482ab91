print("maybe")
