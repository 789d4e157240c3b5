x = 10
print(eval("x * 2 + 1"), eval("[i for i in range(3)]"))
ns = {}
exec("y = 5\ndef f(a):\n    return a + y\n", ns)
print(ns["y"], ns["f"](1))
g = globals()
print("x" in g, g["x"])
def h():
    a = 1
    b = 2
    return sorted(locals().items())
print(h())
