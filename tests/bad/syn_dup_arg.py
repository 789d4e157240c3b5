# expect: SyntaxError
def f(a, a):
    pass
