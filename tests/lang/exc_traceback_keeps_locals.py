# While an exception is being handled, its traceback keeps the frames it left alive, and with
# them their locals: a generator left suspended in f() is finalized only when the exception is
# released after the handler ("caught", "gen closing", "after"), not as the exception leaves f.
# (Found by tests/fuzz/diff_fuzz.py, seed 6; tollpy's traceback entries now keep the locals of
# the frame the exception left, runtime/traceback.c tb_keep_locals.) An exception stored in a
# local of such a frame is a reference cycle (exception -> traceback -> locals -> exception):
# the cycle collector frees it.
import gc

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

class Marker:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

def nested(depth):
    m = Marker('depth %d' % depth)
    if depth == 0:
        raise KeyError('deep')
    nested(depth - 1)

try:
    nested(2)
except KeyError as e:
    print('handling', repr(e))
print('handled')

def keeps_itself():
    m = Marker('in a cycle')
    try:
        raise ValueError('v')
    except ValueError as e:
        err = e
        raise

gc.collect()
gc.disable()
try:
    keeps_itself()
except ValueError:
    print('caught ValueError')
print('collecting')
print(gc.collect() > 0)
print('done')
gc.enable()
