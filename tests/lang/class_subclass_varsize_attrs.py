# Instance dicts on subclasses of the variable-size built-ins (tuple, str, int: kept after the
# instance's own data), __del__ on one, and IntEnum/StrEnum members (int/str subclass instances).
class T(tuple):
    pass
t = T([1, 2, 3]); t.note = "tuple attrs"
print(t, t.note, t.__dict__, len(t), t[1:])
class S(str):
    pass
s = S("hello"); s.lang = "en"
print(s, s.lang, s.upper(), vars(s))
class I(int):
    pass
i = I(2 ** 80); i.tag = "big"; z = I(0); z.tag = "zero"
print(i, i.tag, z, z.tag, i + 1, bool(z))
class SS(S):
    def __init__(self, v):
        self.extra = len(v)
print(SS("abc").extra, SS("abc") + "d")
class D(T):
    def __del__(self):
        print("del", tuple(self), self.__dict__)
d = D((5,)); d.x = 1
del d
import enum
class Color(enum.IntEnum):
    RED = 1
    GREEN = 2
print(Color.RED, Color.GREEN + 1, repr(Color.RED), Color(2), isinstance(Color.RED, int))
class Mode(enum.StrEnum):
    R = "r"
    W = "w"
print(Mode.R, Mode.W.upper(), Mode("r") is Mode.R)
