# complex ** : an integer-valued exponent of any numeric type (<= 100) by repeated squaring, as
# CPython 3.11; errors as CPython (ZeroDivisionError when the C library reports a domain error,
# OverflowError on an infinite result).
zs = [3j, 1 + 1j, complex(5, -2), complex(-1.5, 0.5), 0j, complex('inf-infj'), complex('nan+1j'), 1e200 + 1e200j]
es = [2, 2.0, 3 + 0j, -2, -2.0, 100, 101, 0.5, -3j, 1 + 1j, 0, 0.0, 1e-300j]
for z in zs:
    row = []
    for e in es:
        try: row.append(repr(z ** e))
        except (ZeroDivisionError, OverflowError) as ex: row.append(type(ex).__name__ + ': ' + str(ex))
    print(repr(z), row)
print(pow(2j, 3), (1 + 2j) ** 5, 2 ** (1 + 1j), 2.5 ** 2j)
