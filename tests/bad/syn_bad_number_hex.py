# expect: SyntaxError
x = 0x
