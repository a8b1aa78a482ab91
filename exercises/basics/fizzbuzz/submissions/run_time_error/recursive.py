# One call per number: Python stops deep recursion (RecursionError) long before 10000.
def play(i, n):
    if i > n:
        return
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
    play(i + 1, n)


play(1, int(input()))
