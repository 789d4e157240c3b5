# expect: SyntaxError
*
