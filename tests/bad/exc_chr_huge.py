# expect: ValueError OverflowError
chr(10 ** 20)
