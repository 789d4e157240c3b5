# expect: SyntaxError
a, b += 1
