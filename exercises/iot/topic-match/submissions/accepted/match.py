# Compares the levels of a filter and a topic one by one.
def matches(flt, topic):
    f = flt.split("/")
    t = topic.split("/")
    for i, level in enumerate(f):
        if level == "#":
            return True
        if i >= len(t):
            return False
        if level != "+" and level != t[i]:
            return False
    return len(f) == len(t)


f = int(input())
filters = [input().strip() for _ in range(f)]
t = int(input())
for _ in range(t):
    topic = input().strip()
    hits = [str(i + 1) for i, flt in enumerate(filters) if matches(flt, topic)]
    print(" ".join(hits) if hits else "-")
