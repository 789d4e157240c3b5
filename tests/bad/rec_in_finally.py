# expect: RecursionError
def f(n):
    try:
        pass
    finally:
        return f(n + 1)
f(0)
