# expect: IndentationError SyntaxError
def f():
