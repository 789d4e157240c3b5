# expect: SyntaxError
None = 1
