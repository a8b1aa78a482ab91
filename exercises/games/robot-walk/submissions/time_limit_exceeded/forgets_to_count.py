# The counter never grows, so the loop never ends (and never prints anything).
words = input().split()
dx = int(words[1])
done = 0
while done < dx:
    if done == 99:
        print("FORWARD")
