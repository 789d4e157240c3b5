def register(cls):
    registry.append(cls.__name__)
    return cls
registry = []
@register
class A:
    pass
@register
class B(A):
    pass
print(registry)
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n)
