x = None
print(x, repr(x), x is None, x is not None, x == None)
def f():
    pass
print(f())
print(type(None).__name__)
d = {}
print(d.get("k"), [None, None])
print(str(None) + "!")
