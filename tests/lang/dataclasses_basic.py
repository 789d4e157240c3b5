from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError, make_dataclass
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), p.x)
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, 3)
except TypeError as e: print(e)
try: hash(p)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: 'a'}[Version(1, 2)])
try: v1.major = 5
except FrozenInstanceError as e: print('FrozenInstanceError', e, isinstance(e, AttributeError))
@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    secret: str = field(default='s', repr=False, compare=False)
    def add(self, it):
        self.items.append(it)
a = Inventory('a'); b = Inventory('b'); a.add('x')
print(a, b, Inventory.count, a == Inventory('a', ['x'], 'other'))
print(asdict(a), astuple(p), replace(p, y=9), [f.name for f in fields(Inventory)], is_dataclass(p), is_dataclass(3))
@dataclass
class Child(Point):
    z: int = 5
    def __post_init__(self):
        self.total = self.x + self.y + self.z
c = Child(1, 2)
print(c, c.total, Child.__match_args__)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(Point.__init__.__qualname__, Point.__doc__)
M = make_dataclass('M', [('a', int), ('b', str, 'q')])
print(M(1), M(2, 'r'))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try: K(1)
except TypeError as e: print(e)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) != 0)
