# expect: ok
# throw() and close() are passed down a very deep `yield from` chain one C call per link:
# bounded by the C stack (RecursionError), never a crash; dropping the chain afterwards is fine.
import sys
sys.setrecursionlimit(10**6)
def g(n):
    if n == 0:
        yield "bottom"
    else:
        yield from g(n - 1)
for depth in (1000, 200000):
    x = g(depth)
    try:
        print(next(x))
    except RecursionError:
        print("RecursionError on next")
        continue
    try:
        x.throw(KeyError("k"))
    except KeyError:
        print("KeyError came back up")
    except RecursionError:
        print("RecursionError on throw")
    x = g(depth)
    try:
        next(x)
        x.close()
        print("closed")
    except RecursionError:
        print("RecursionError on close")
    x = None
print("ok")
