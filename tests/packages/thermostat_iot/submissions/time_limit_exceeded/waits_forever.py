# Waits for a second line before answering the first: the simulator waits too, forever.
import sys

sys.stdin.readline()
while True:
    sys.stdin.readline()
