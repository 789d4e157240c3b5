# expect: OverflowError ok
r = range(10 ** 30)
print(len(r))
