# A built-in base's hash comes before a later base's __hash__ in the MRO (int.__hash__ is an
# entry of int's dict), the unhashable built-ins have __hash__ = None, and IntEnum / StrEnum
# members hash as their value.
import enum

class A:
    def __hash__(self):
        return 7

class B(int, A):
    pass

class S(str, A):
    pass

print(hash(B(5)), hash(S("x")) == hash("x"), B.__hash__ is int.__hash__)
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__)
print(int.__hash__(5), hash((1, 2)) == tuple.__hash__((1, 2)), str.__hash__("ab") == hash("ab"))

class L(list, A):
    pass

for x in (L(), bytearray(b"a"), [1]):
    try:
        hash(x)
    except TypeError as e:
        print("TypeError:", e)

class K(enum.IntEnum):
    A = 1
    B = 2

class N(enum.StrEnum):
    X = "x"

class C(enum.Enum):
    R = 1

print(hash(K.A) == hash(1), 1 in {K.A: 6}, K.B in {2: "two"}, {K.A: 1}[1])
print(hash(N.X) == hash("x"), "x" in {N.X}, hash(C.R) == hash("R"), repr(K.A), str(K.A))
