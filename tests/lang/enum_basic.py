from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return '%s is %d' % (self.name, self.value)
    @property
    def lower(self):
        return self.name.lower()
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(Color.RED.describe(), Color.GREEN.lower, f'{Color.BLUE}', isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash('RED'))
print(list(Color.__members__), Color._member_names_)
try: Color(7)
except ValueError as e: print('ValueError', e)
try: Color['PURPLE']
except KeyError as e: print('KeyError', e)
try: Color.RED < Color.GREEN
except TypeError as e: print('TypeError', e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO * 3, repr(Num.TWO), str(Num.ONE), f'{Num.TWO}', Num.ONE == 1, Num.TWO > Num.ONE, Num.ONE.name)
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = auto()
print(Shape.SQUARE.value, Shape.TRIANGLE.value, repr(Shape.CIRCLE))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
d = {Color.RED: 'r', Color.GREEN: 'g'}
print(d[Color.CRIMSON], Color.RED.__class__.__name__)
