a = 0
for i in range(1000):
    a = (a * 31 + i) % 1000003
print(a)
b = 1
for i in range(100):
    b = b * 3 % (2 ** 61 - 1)
print(b)
