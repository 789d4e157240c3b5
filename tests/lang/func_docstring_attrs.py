def f(x):
    """Return x doubled."""
    return 2 * x
print(f.__doc__, f.__name__, f(4))
def g():
    pass
print(g.__doc__, g() is None)
