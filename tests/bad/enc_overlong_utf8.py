# expect: SyntaxError
s = "À¯"
