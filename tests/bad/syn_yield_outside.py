# expect: SyntaxError
yield 5
