# expect: OverflowError
x = 10.0 ** 400
