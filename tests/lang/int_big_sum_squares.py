total = 0
for i in range(3000000, 3000200):
    total += i * i
print(total)
big = 0
i = 0
while big < 2 ** 64:
    big += (2 ** 40) * (i + 1)
    i += 1
print(big, i, big > 2 ** 64)
