# Always leaves the bot a multiple of MAX + 1 stones: whatever it takes, we can do it again,
# and in the end the bot faces 0.
words = input().split()
stones, most = int(words[1]), int(words[3])
while True:
    take = stones % (most + 1)
    print(take, flush=True)
    answer = input().split()
    if answer[0] == "WIN":
        break
    stones = int(answer[2])
