# Keeps its right hand on the wall. That finds the way out of a maze without loops, but next
# to an island it goes round and round until the battery runs out.
def say(command):
    print(command, flush=True)
    return input()


input()  # READY
while True:
    say("RIGHT")
    if say("LOOK") != "WALL":
        if say("FORWARD") == "OUT":
            break
        continue
    say("LEFT")
    while say("LOOK") == "WALL":
        say("LEFT")
    if say("FORWARD") == "OUT":
        break
