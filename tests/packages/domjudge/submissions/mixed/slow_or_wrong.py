# @EXPECTED_RESULTS@: TIMELIMIT, WRONG-ANSWER
# Either verdict is fine: it spins on the first secret case and is wrong on the sample.
name = input()
if name == "DOMjudge":
    while True:
        pass
print("Hello")
