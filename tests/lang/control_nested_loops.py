for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
found = None
for a in range(1, 10):
    for b in range(1, 10):
        if a * b == 42:
            found = (a, b)
            break
    if found:
        break
print(found)
