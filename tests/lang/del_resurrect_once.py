# PEP 442: an object's __del__ runs at most once, even when __del__ resurrects the object (stores
# a new reference to it somewhere); when the resurrected object dies again it is simply freed.
keep = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        keep.append(self)


p = Phoenix("a")
del p
print("kept:", [o.name for o in keep])
keep.clear()
print("cleared")

# resurrected many times over in a loop: each object finalized once
for i in range(3):
    Phoenix("loop%d" % i)
    print("alive:", len(keep))
    keep.pop()
print("after loop:", len(keep))


class Counting:
    calls = 0

    def __del__(self):
        Counting.calls += 1
        keep.append(self)
        if Counting.calls > 5:
            raise RuntimeError("__del__ ran more than once")


c = Counting()
c = None            # __del__ runs and resurrects it into keep
c = keep.pop()
c = None            # dies again: freed without __del__
print("Counting.__del__ calls:", Counting.calls, "kept:", len(keep))
objs = [Counting() for _ in range(4)]
objs = None
print("Counting.__del__ calls:", Counting.calls, "kept:", len(keep))
keep.clear()
print("Counting.__del__ calls:", Counting.calls, "kept:", len(keep))


class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)
        keep.append(self)


class Child(Base):
    pass


class GrandChild(Child):
    def __init__(self):
        self.x = 1


for cls in (Base, Child, GrandChild):
    o = cls()
    o = None
    keep.clear()
print("subclasses done")


class ListPhoenix(list):
    def __del__(self):
        print("ListPhoenix.__del__", len(self))
        keep.append(self)


lp = ListPhoenix([1, 2, 3])
lp = None
print("list kept:", keep[0][:])
keep.clear()


class DictPhoenix(dict):
    def __del__(self):
        print("DictPhoenix.__del__", sorted(self))
        keep.append(self)


dp = DictPhoenix(a=1)
dp = None
keep.clear()


class ExcPhoenix(Exception):
    def __del__(self):
        print("ExcPhoenix.__del__", self.args)
        keep.append(self)


try:
    raise ExcPhoenix("boom")
except ExcPhoenix as e:
    print("caught", e)
print("exc kept:", [type(o).__name__ for o in keep])
keep.clear()


class Resurrects_via_global:
    def __del__(self):
        global saved
        saved = self
        print("saved globally")


r = Resurrects_via_global()
r = None
print("saved is", type(saved).__name__)
saved = None
print("no second __del__")




# subclasses of built-in descriptor types carry an instance dict (and the finalized mark) too
class PropPhoenix(property):
    def __del__(self):
        print("PropPhoenix.__del__", self.tag)
        keep.append(self)


class StaticPhoenix(staticmethod):
    def __del__(self):
        print("StaticPhoenix.__del__", self.tag)
        keep.append(self)


for cls, fn in ((PropPhoenix, lambda s: 1), (StaticPhoenix, len)):
    o = cls(fn)
    o.tag = cls.__name__
    o = None
    print("kept:", keep[0].tag)
    keep.clear()
print("end")
