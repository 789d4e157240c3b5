for n in (0, 1, 255, -255, 2 ** 70, -(2 ** 65)):
    print(hex(n), oct(n), bin(n))
print(0x10, 0o10, 0b10, 1_000)
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(5, '08b'))
