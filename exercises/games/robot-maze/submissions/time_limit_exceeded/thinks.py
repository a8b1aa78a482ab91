# Plans for ever before the first move.
input()
plan = []
while True:
    plan.append(len(plan))
    if len(plan) > 1000:
        plan.clear()
