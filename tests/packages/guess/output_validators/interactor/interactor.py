"""Interactive validator: answers guesses about the secret number in the input file."""
import sys

MAX_GUESSES = 10
input_file, answer_file, feedback_dir = sys.argv[1:4]
secret = int(open(input_file).read())


def finish(code, message):
    with open(feedback_dir + "judgemessage.txt", "a") as out:
        out.write(message + "\n")
    sys.exit(code)


for guess_number in range(1, MAX_GUESSES + 1):
    line = sys.stdin.readline()
    if not line:
        finish(43, f"no guess {guess_number}: the program stopped")
    try:
        guess = int(line)
    except ValueError:
        finish(43, f"guess {guess_number} is not a number: {line.strip()[:20]!r}")
    if guess == secret:
        print("correct", flush=True)
        finish(42, f"found {secret} in {guess_number} guesses")
    print("higher" if guess < secret else "lower", flush=True)
finish(43, f"no correct guess in {MAX_GUESSES} tries")
