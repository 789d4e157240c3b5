# expect: SyntaxError
# comment ÿþý
print(1)
