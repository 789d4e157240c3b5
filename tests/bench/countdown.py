# tests/bench/countdown.py — the CPU-bound loop of David Beazley's "Understanding the Python GIL"
# (PyCon 2010): `while n > 0: n -= 1`, 30M, in a function.
import sys
def countdown(n):
    while n > 0:
        n -= 1
    return n
N = int(sys.argv[1]) if len(sys.argv) > 1 else 30000000
print(countdown(N))
