# expect: SyntaxError
s = 'abc
