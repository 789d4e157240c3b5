n = 0
while n < 5:
    n += 1
else:
    print("while finished", n)
n = 0
while True:
    n += 1
    if n == 3:
        break
else:
    print("never")
print("broke at", n)
i = 10
while i > 0:
    i -= 3
    if i % 2:
        continue
    print("even", i)
