# expect: SyntaxError
"abc" = 1
