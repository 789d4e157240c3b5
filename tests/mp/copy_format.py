# The copy format (mp_copy.c) through _multiprocessing.dumps/loads: what crosses, what is
# refused (the type named, as pickling does), and that copies are deep and independent.
import _multiprocessing as m


class Plain:
    def __init__(self):
        self.a = [1, {"b": (2, 3)}]


def top():
    return 1


def gen():
    yield 1


values = [None, True, False, 0, -1, 2 ** 31, -2 ** 63, 2 ** 64, -(10 ** 40), 1.5, -0.0,
          float("inf"), "", "héllo ✓", b"", b"\x00\xff", (), (1, (2, (3,))), [], [[], [1]],
          {}, {"k": [1, 2], 3: "v", (1, 2): None}, {1, 2, 3}, frozenset(["a"]),
          ValueError("x", 1), KeyError("k"), top, len, int, Plain]
for v in values:
    w = m.loads(m.dumps(v))
    print(type(w).__name__, w == v or (v is not v), repr(w) if not callable(w) else w.__name__)
orig = {"l": [1, [2]]}
cp = m.loads(m.dumps(orig))
cp["l"][1].append(3)
print(orig, cp)
p = m.loads(m.dumps(Plain()))
print(type(p).__name__, p.a)
for bad in (gen(), lambda: 0, print.__call__ if hasattr(print, "__call__") else gen(), object(), iter([1])):
    try:
        m.dumps(bad)
        print("crossed?!", type(bad).__name__)
    except TypeError as e:
        print("TypeError:", str(e).split(":")[0][:40])
deep = []
for i in range(300):
    deep = [deep]
try:
    m.dumps(deep)
except RecursionError as e:
    print("RecursionError:", e)
