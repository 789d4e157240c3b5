a = 2 ** 100 + 12345
print(a >> 50, a << 3)
print(a & 0xFFFF, a | 1, a ^ (2 ** 100))
print(~a)
print((1 << 200) >> 199)
print(-(2 ** 80) >> 3)
print((-(2 ** 80)) & 0xFF, (-(2 ** 80) - 1) & 0xFFFF)
