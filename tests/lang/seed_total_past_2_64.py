total = 0
for i in range(5_000_000_000, 5_000_000_000 + 1000):
    total += i*i
print(total, total > 2 ** 64)
x = 2 ** 64 - 5
for i in range(10):
    x += 1
print(x, x - 2 ** 64)
