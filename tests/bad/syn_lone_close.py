# expect: SyntaxError
)
