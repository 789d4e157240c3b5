a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, None is None, a is not c)
x = ()
print(x == (), len(x))
print(True is (1 == 1), False is (1 == 2))
