# expect: SyntaxError
x := 5
