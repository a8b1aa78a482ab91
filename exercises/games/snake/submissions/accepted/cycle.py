# Follows one fixed tour that passes every square once and comes back to the start (a
# Hamiltonian cycle). The body always trails the head along the tour, so the snake never
# bites itself, and every apple is reached within one lap. Slow but sure.
words = input().split()
width, height = int(words[1]), int(words[2])


def tour(w, h):
    """Squares of a cycle through (0, 0) on a w x h board with h even: along the top row,
    zigzag down over columns 1.., and back up column 0."""
    order = [(x, 0) for x in range(w)]
    for y in range(1, h):
        xs = range(w - 1, 0, -1) if y % 2 == 1 else range(1, w)
        order += [(x, y) for x in xs]
    order += [(0, y) for y in range(h - 1, 0, -1)]
    return order


if height % 2 == 0:
    order = tour(width, height)
else:  # then the width is even: the same tour with x and y swapped
    order = [(x, y) for y, x in tour(height, width)]
following = {order[i]: order[(i + 1) % len(order)] for i in range(len(order))}
head = (0, 0)
answer = input()  # APPLE x y
while answer != "END":
    nx, ny = following[head]
    move = {(1, 0): "R", (-1, 0): "L", (0, 1): "D", (0, -1): "U"}[(nx - head[0], ny - head[1])]
    print(move, flush=True)
    head = (nx, ny)
    answer = input()
