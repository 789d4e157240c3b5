# expect: SyntaxError
*a = [1, 2]
