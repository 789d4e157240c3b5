# expect: TypeError
import sys


class C(Exception):
    def __new__(cls, *args):
        return 5


def gen():
    yield 1


g = gen()
next(g)
try:
    g.throw(C)
finally:
    print(sys.exc_info())
