a = 2 ** 100
b = 2 ** 100 + 1
print(a < b, a == b, a != b, b > a, a <= a, -a < -b)
print(a == 2 ** 100, 2 ** 64 == 18446744073709551616)
print(max(a, b, 5), min(-a, 3))
print(sorted([2 ** 70, -2 ** 70, 0, 2 ** 65, 1]))
