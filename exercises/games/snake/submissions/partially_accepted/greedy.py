# Heads for the apple by the shortest free way (breadth-first search round its own body). It
# eats quickly at first, but a long snake shuts itself in: a partial score.
from collections import deque

words = input().split()
width, height = int(words[1]), int(words[2])
snake = deque([(0, 0)])
STEPS = {"R": (1, 0), "L": (-1, 0), "D": (0, 1), "U": (0, -1)}


def first_step(start, goal, blocked):
    seen = {start: None}
    queue = deque([start])
    while queue:
        at = queue.popleft()
        if at == goal:
            while seen[at] != start:
                at = seen[at]
            return at
        for dx, dy in STEPS.values():
            nxt = (at[0] + dx, at[1] + dy)
            if 0 <= nxt[0] < width and 0 <= nxt[1] < height and nxt not in blocked and nxt not in seen:
                seen[nxt] = at
                queue.append(nxt)
    return None


answer = input().split()
while answer[0] != "END":
    apple = (int(answer[1]), int(answer[2]))
    head = snake[0]
    blocked = set(list(snake)[:-1])  # the tail moves on
    step = first_step(head, apple, blocked)
    if step is None:  # no way to the apple: any free square will do
        options = [(head[0] + dx, head[1] + dy) for dx, dy in STEPS.values()]
        free = [s for s in options if 0 <= s[0] < width and 0 <= s[1] < height and s not in blocked]
        step = free[0] if free else options[0]
    move = next(m for m, (dx, dy) in STEPS.items() if (head[0] + dx, head[1] + dy) == step)
    print(move, flush=True)
    snake.appendleft(step)
    if step != apple:
        snake.pop()
    answer = input().split()
