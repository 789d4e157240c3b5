# expect: SyntaxError
s = "í €"
