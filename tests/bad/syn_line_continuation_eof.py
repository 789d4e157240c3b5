# expect: SyntaxError
x = 1 + \
