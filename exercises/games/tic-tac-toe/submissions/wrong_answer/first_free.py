# Plays the first free square: the perfect bot soon gets three in a row.
me = input().split()[1]
board = [False] * 9
answer = input().split() if me == "O" else []
while True:
    if answer:
        if answer[0] != "BOT":
            break
        board[int(answer[1]) - 1] = True
        if len(answer) > 2:
            break
    square = board.index(False)
    board[square] = True
    print(square + 1, flush=True)
    answer = input().split()
