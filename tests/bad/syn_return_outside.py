# expect: SyntaxError
return 5
