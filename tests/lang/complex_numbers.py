# complex numbers: imaginary literals, complex(), arithmetic with int/float on either side,
# CPython's repr (signed zeros, inf/nan), hashing, parsing strings, and the TypeErrors of ordering.
z = 1 + 2j
print(z, 2j, -1j, 1j * 1j, z * z, z / (3 - 4j), z - 1, 1 - z, 2 * z, z * 2.5, z ** 2, z ** -1, (1j) ** 0.5)
print(z.real, z.imag, z.conjugate(), abs(3 + 4j), complex(), complex(1), complex(1, 2), complex(1.5, -0.0))
print(complex("1+2j"), complex(" (3-4.5e1j) "), complex("j"), complex("-j"), complex("2"), complex("1e3+1e-2J"))
print(z == 1 + 2j, z != z, complex(3, 0) == 3, 3.0 == complex(3), hash(complex(3, 0)) == hash(3), hash(2j) == hash(2j))
print(repr(complex(0.0, 0.0)), repr(complex(-0.0, 0.0)), repr(complex(0, -0.0)), complex(float("inf"), float("nan")))
print(bool(0j), bool(1j), -z, +z, type(z).__name__, isinstance(z, complex), 1e20j, 1.5j, 01j, 0j)
print({1j: "a"}[1j], [0j] * 2, str(z), f"{z}", "%s" % z, sum([1j, 2j]), abs(-2j))
for bad in ["z < z", "z // 2", "z % 2", "complex('1+')", "complex('abc')", "1 / 0j", "0j ** -1", "complex('1', 2)", "complex([])", "int(z)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
class C(complex):
    def double(self): return self * 2
c = C(1, 1)
print(c, c.double(), type(c).__name__)
