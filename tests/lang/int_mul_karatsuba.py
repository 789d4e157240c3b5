# Products of big ints on both sides of Karatsuba's cutoff (interp/objects/bigdigits.c), lopsided
# and balanced, squares, and a power with 2 million bits.
acc = 0
for na in [1, 8, 9, 39, 40, 41, 79, 80, 81, 100, 157, 300, 1000, 2500]:
    for nb in [na, na + 1, 2 * na - 1, 2 * na, 2 * na + 1, 3 * na + 7, 10 * na + 3]:
        a = 7 ** (11 * na + 3) + na * 7 + nb        # about 32 * na bits
        b = 13 ** (9 * nb + 1) - nb * 13 - na       # about 32 * nb bits
        p = a * b
        q = a * a
        acc = (acc * 31 + p % 1000000007 + q % 998244353 + (p >> 1000) % 1000003) % (1 << 61)
        acc = (acc + ((-a) * b) % 1000000009) % (1 << 61)
print(acc)
x = 100 ** 300000
print(x % 1000000007, x.bit_length())
y = 3 ** 200000
print(y % 1000000007, (y * y) % 999999937, (y * (y + 1)) % 1000003)
print((1 << 200000) * (1 << 200000) == 1 << 400000, ((1 << 200000) - 1) ** 2 == (1 << 400000) - (1 << 200001) + 1)
