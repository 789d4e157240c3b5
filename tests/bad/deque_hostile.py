# expect: ok
# collections.deque against code that changes it from inside its own operations: __eq__ that
# clears or refills the deque during `in`, count, index and remove; __repr__ that appends;
# iteration while appending; extend with an iterator that pops; a deque holding itself; then a
# deque grown to 2,000,000 items and emptied from both ends. Nothing may crash: every outcome
# is a value or a Python exception.
from collections import deque

class Evil:
    def __init__(self, d, mode):
        self.d = d
        self.mode = mode
    def __eq__(self, other):
        if self.mode == 'clear':
            self.d.clear()
        elif self.mode == 'grow':
            self.d.extend(range(50))
        elif self.mode == 'pop':
            try:
                self.d.popleft()
            except IndexError:
                pass
        return False
    __hash__ = object.__hash__
    def __repr__(self):
        self.d.append('from repr')
        return 'Evil'

for mode in ('clear', 'grow', 'pop'):
    d = deque()
    d.extend(Evil(d, mode) for _ in range(20))
    for op in (lambda: 1 in d, lambda: d.count(1), lambda: d.index(1), lambda: d.remove(1),
               lambda: repr(d), lambda: d == deque([1]), lambda: list(reversed(d)), lambda: d.copy()):
        try:
            op()
        except (ValueError, IndexError, RuntimeError):
            pass

d = deque(range(10))
try:
    for x in d:
        d.append(x)
        d.popleft()
except RuntimeError:
    pass
print(len(d))

def popping(d):
    for i in range(100):
        if d:
            d.pop()
        yield i
d = deque(range(50))
d.extend(popping(d))
d.extendleft(popping(d))
print(len(d))

s = deque([1])
s.append(s)
s.appendleft(s)
print(len(repr(s)) > 0, s[1] == 1)
s.clear()

big = deque()
for i in range(2000000):
    big.append(i)
total = 0
while big:
    total += big.pop() if total % 2 else big.popleft()
print(total > 0, len(big))
try:
    big[0]
except IndexError as e:
    print('IndexError', e)
