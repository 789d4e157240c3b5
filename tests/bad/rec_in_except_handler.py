# expect: RecursionError
def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        return f(n + 1)
f(0)
