for i in range(3):
    pass
else:
    print("for finished", i)
def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
for i in range(10):
    if i % 3:
        continue
    print(i, end=" ")
print()
