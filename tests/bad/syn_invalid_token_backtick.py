# expect: SyntaxError
a = `x`
