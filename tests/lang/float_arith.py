a = 1.5
b = 0.25
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, 10.0 ** -2)
print(1e300 * 1e10)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0)
