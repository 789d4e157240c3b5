x = 5
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 3
    return x
print(f())
def g():
    return x
print(g())
