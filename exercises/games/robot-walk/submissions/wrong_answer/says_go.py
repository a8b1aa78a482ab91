# Uses a command the robot does not know.
words = input().split()
print("GO", words[1])
