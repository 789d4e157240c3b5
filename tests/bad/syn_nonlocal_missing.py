# expect: SyntaxError
def f():
    nonlocal zz
