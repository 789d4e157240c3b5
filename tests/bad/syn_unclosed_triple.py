# expect: SyntaxError
s = """abc
def f():
    pass
