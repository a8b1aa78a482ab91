# Forgets the limit: takes half of the heap.
words = input().split()
stones = int(words[1])
while True:
    print(max(1, stones // 2), flush=True)
    answer = input().split()
    if answer[0] == "WIN" or answer[2] == "0":
        break
    stones = int(answer[2])
