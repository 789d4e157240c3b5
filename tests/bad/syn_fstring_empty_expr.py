# expect: SyntaxError
x = f"{}"
