# Iterating over an Enum class, len() and `in`: these need the class machinery's metaclasses.
from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(list(Color), len(Color), Color.RED in Color, [c.name for c in reversed(Color)])
print(Color, type(Color.RED), Color.__members__['CRIMSON'])
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Perm.R | Perm.W, (Perm.R | Perm.W).value, Perm.R in (Perm.R | Perm.X), list(Perm))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class Num(IntEnum):
    ONE = 1
print(Num(1) is Num.ONE, isinstance(Num.ONE, int), sorted([Num.ONE, 0]))
