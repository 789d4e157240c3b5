def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
print("after close")
for x in g():
    print("x", x)
def h():
    yield 1
    raise ValueError("inside gen")
try:
    for v in h():
        print("v", v)
except ValueError as e:
    print("caught", e)
