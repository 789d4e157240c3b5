class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return "dyn:" + name
d = Dyn()
print(d.real, d.anything, getattr(d, "x"))
class Strict:
    __slots__ = ()
class Rec:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
r = Rec()
r.a = 5
print(r.a)
