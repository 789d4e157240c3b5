# expect: RecursionError
import sys
sys.setrecursionlimit(10**6)
class N:
    def __init__(self):
        self.child = N()
N()
