class A:
    pass
class B:
    def __repr__(self):
        return "B-repr"
class C:
    def __repr__(self):
        return "C-repr"
    def __str__(self):
        return "C-str"
b, c = B(), C()
print(b, str(b), repr(b), [b])
print(c, str(c), repr(c), [c], (c,), {"k": c})
print(f"{c} {c!r}", "%s %r" % (c, c), "{} {!r}".format(c, c))
print(str(A()).startswith("<__main__.A object at 0x"))
