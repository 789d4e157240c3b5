# expect: ZeroDivisionError
x = 10 ** 40 % 0
