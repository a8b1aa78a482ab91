# Explores like the right-hand rule but does not stop when it is out.
def say(command):
    print(command, flush=True)
    return input()


input()
while True:
    say("RIGHT")
    if say("LOOK") != "WALL":
        say("FORWARD")
        continue
    say("LEFT")
    while say("LOOK") == "WALL":
        say("LEFT")
    say("FORWARD")
