# expect: SyntaxError
print((1, 2
