class P:
    x: int
    y: int = 5
    if True:
        z: 'str' = 'a'
    def m(self) -> int:
        w: int = 3
        return w
print(P.__annotations__, P.y, P.z, P().m())
a: int = 3
b: list
print(__annotations__, a)
class Q:
    pass
print(Q.__dict__.get("__annotations__"))
try:
    class R:
        v: undefined_thing
except NameError as e:
    print(e)
