# expect: ok
print("a" * -5, [1] * -3)
