class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            return True
        return False
with Suppress(KeyError):
    {}["x"]
print("continued")
def f():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return "after with"
print(f())
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("TypeError:", e)
