# expect: SyntaxError
x = 1e
