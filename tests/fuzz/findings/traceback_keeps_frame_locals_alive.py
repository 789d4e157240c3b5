# While an exception is being handled, its traceback keeps the frames it passed through alive,
# and with them their locals: a generator left suspended in f() is finalized only when the
# exception is released after the handler (CPython: "caught", "gen closing", "after"). tollpy's
# tracebacks hold code and line, not frames, so f's locals die as the exception leaves f and
# "gen closing" comes first. Found by tests/fuzz/diff_fuzz.py (seed 6, programs 3929 and 4539;
# 2 in ~9,000 programs). Deterministic.
def gen():
    try:
        yield 1
    finally:
        print('gen closing')

def f():
    g = gen()
    next(g)
    raise IndexError

try:
    f()
except IndexError:
    print('caught')
print('after')
