# Takes the bot's answer for a plain number: int("BOT 1") stops the program.
me = input().split()[1]
if me == "X":
    print(5, flush=True)
bot_square = int(input())
