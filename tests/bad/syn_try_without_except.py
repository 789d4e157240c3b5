# expect: SyntaxError
try:
    pass
x = 1
