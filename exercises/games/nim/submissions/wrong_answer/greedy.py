# Takes as many as it may: the perfect bot wins.
words = input().split()
stones, most = int(words[1]), int(words[3])
while True:
    print(min(most, stones), flush=True)
    answer = input().split()
    if answer[0] == "WIN" or answer[2] == "0":
        break
    stones = int(answer[2])
