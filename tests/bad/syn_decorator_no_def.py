# expect: SyntaxError
@decorator
x = 1
