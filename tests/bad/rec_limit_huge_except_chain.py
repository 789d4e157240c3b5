# expect: RecursionError
# Recursion inside except handlers with a huge limit: a 100,000-long __context__ chain of
# exceptions, each with its traceback, printed (chains are cut) and freed without C recursion.
import sys
sys.setrecursionlimit(100000)
def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        return f(n + 1)
f(0)
