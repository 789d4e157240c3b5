# print() looks sys.stdout up at each call (a replaced sys.stdout gets the output), writes each
# piece (argument, sep, end) to a file object with its own write(), and what precedes an argument
# whose str() fails is already written, as CPython.
import sys, io
old = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print('captured', 1)
sys.stdout = old
print('buf has', repr(buf.getvalue()))
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('a', 2, 'b', sep='|', end='!', file=w)
print(w.parts)
class Bad:
    def __str__(self): raise ValueError('no str')
try:
    print('before', Bad(), 'after')
except ValueError as e:
    print('\nValueError', e)
try:
    print('x', Bad(), file=w)
except ValueError as e:
    print('ValueError', e, w.parts)
