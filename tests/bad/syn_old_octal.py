# expect: SyntaxError
x = 0777
