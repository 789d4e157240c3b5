try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def f():
    try:
        raise TypeError("inner")
    except TypeError:
        pass
    raise
try:
    f()
except RuntimeError as e:
    print("again:", e)
