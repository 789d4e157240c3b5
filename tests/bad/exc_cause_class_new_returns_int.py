# expect: TypeError
# `raise X from C` where C() returns an int: CPython 3.11 stores the int as __cause__ and then
# fails inside its own traceback printer; tollpy refuses the cause with a TypeError instead.
class C(Exception):
    def __new__(cls, *args):
        return 5


raise ValueError("v") from C
