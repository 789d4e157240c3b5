print(round(1e20), round(-1.5e16), round(2.675e10, -3), round(123.456, -1))
print(int(1e20), int(-1e-3), float(10 ** 20), 10 ** 20 == 1e20)
print(round(0.1 + 0.2, 10), round(1 / 3, 4), round(-0.5), round(1.5))
print(-0.0 // 1, 0.0 % -1, divmod(-7.0, 2), divmod(7, -2.0))
