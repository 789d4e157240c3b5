def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key=2), f(1, key=3, flag=True))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
def g(a, b, /, c):
    return a + b + c
print(g(1, 2, c=3), g(1, 2, 3))
