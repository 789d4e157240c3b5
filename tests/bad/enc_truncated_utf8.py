# expect: SyntaxError
print("â‚")
