def g():
    yield 1
    raise StopIteration("inner")
try:
    print(list(g()))
except RuntimeError as e:
    print("RuntimeError:", e)
def h():
    it = iter([])
    yield next(it, "dflt")
print(list(h()))
