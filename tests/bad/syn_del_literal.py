# expect: SyntaxError
del 5
