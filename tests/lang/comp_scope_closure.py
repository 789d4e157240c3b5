fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
n = 10
print([n + k for k in range(3)])
def f():
    m = 5
    return [m * k for k in range(3)]
print(f())
