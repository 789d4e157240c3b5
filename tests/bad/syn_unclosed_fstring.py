# expect: SyntaxError
x = f"{1 + "
