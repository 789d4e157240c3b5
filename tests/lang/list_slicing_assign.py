a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1:3]
print(a)
a[:] = [1, 2]
print(a)
a[1:1] = [9, 9, 9]
print(a)
b = list(range(8))
del b[::3]
print(b)
