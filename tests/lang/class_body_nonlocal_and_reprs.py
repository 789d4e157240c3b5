# Small behaviours checked against CPython: nonlocal in a class body, the repr of a sliced range,
# bound methods as dict keys (hash/eq by function and receiver), __next__ on built-in iterators.

def outer():
    x = 1
    class C:
        nonlocal x
        x = 2
        y = x + 1
    return x, C.y
print(outer())

r = range(0, 20, 2)
print(r[2:5], r[::-1], r[1:], range(10)[::3], range(5)[10:], r[-3:])

class A:
    def m(self):
        return 1
a, b = A(), A()
print(hash(a.m) == hash(a.m), a.m == a.m, a.m == b.m, a.m is a.m, {a.m: "bound"}[a.m])
print(len({a.m, a.m, b.m}))

it = iter("ab")
print(it.__next__(), next(it), it.__iter__() is it)
print(list(zip("ab", "cd").__iter__()), enumerate("x").__next__(), reversed([1, 2]).__next__())
d = {"k": 1}
print(iter(d).__next__(), iter(d.items()).__next__(), iter({7}).__next__(), iter(range(3)).__next__())

# nonlocal with augmented assignment in a class body, next to a class-local shadowing name
def f():
    x = 1
    class C:
        nonlocal x
        x += 10
        def m(self):
            return x
        z = x
    return x, C.z, C().m(), 'x' in C.__dict__
print(f())
def g():
    a = 1
    class D:
        a = 5          # class-local, the function's a untouched
        def get(self):
            return a
        b = a
    return a, D.a, D.b, D().get()
print(g())
