# expect: IndentationError SyntaxError
def f():
  x = 1
     y = 2
