# Expects the room size on a line of its own: int("ROOM") stops the program.
width = int(input().split()[0])
