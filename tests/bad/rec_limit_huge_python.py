# expect: RecursionError MemoryError
# A huge Python-level limit: the frames live in the arena, the traceback chain is a million
# entries long and must be freed without C recursion.
import sys
sys.setrecursionlimit(10**6)
def f(n):
    return f(n + 1)
f(0)
