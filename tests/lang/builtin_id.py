a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0)
x = object()
print(id(x) == id(x))
