# expect: RecursionError
# C code calling Python (repr -> __repr__ -> repr ...): the C stack bounds it, whatever the limit.
import sys
sys.setrecursionlimit(10**6)
class R:
    def __repr__(self):
        return repr(self)
print(R())
