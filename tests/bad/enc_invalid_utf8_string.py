# expect: SyntaxError
s = "café"
print(s)
