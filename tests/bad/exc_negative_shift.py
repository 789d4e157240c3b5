# expect: ValueError
x = 1 << -1
