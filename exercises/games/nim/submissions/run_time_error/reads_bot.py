# Expects the bot's answer to be one number: int("BOT 1 6") stops the program.
words = input().split()
print(1, flush=True)
left = int(input())
