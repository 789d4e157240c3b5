# expect: RecursionError
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print("caught once")
f(0)
