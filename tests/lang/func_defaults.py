def greet(name, greeting="hello", punct="!"):
    return greeting + " " + name + punct
print(greet("a"), greet("b", "hi"), greet("c", punct="?"), greet(greeting="yo", name="d"))
def f(x, acc=[]):
    acc.append(x)
    return acc
print(f(1), f(2))
def g(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(g(1), g(2))
