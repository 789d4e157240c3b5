# expect: SyntaxError
def f():
    continue
