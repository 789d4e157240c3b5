a = 7
b = 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, abs(-a))
print(1 + 2 * 3 - 4)
print((1 + 2) * (3 - 4))
print(2 ** 10, 2 ** 0, 0 ** 0)
print(10 / 4, 10 / 5)
