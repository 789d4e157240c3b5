def shout(f):
    def wrapper(*args, **kw):
        return f(*args, **kw).upper()
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("bob"))
calls = []
def logged(f):
    def w(*a):
        calls.append(f.__name__)
        return f(*a)
    return w
@logged
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls)
