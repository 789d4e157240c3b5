# expect: RecursionError
# __eq__, __hash__, __getattr__, sorted(key=) and __lt__ re-entering Python through C, each
# caught, with a limit far above what the C stack allows.
import sys
sys.setrecursionlimit(10**6)
class E:
    def __eq__(self, o):
        return self == o
class H:
    def __hash__(self):
        return hash(self)
class G:
    def __getattr__(self, name):
        return self.missing
class L:
    def __lt__(self, o):
        return sorted([self, o])[0] is self
def key(x):
    return sorted([x, x], key=key)
for name, fn in [("eq", lambda: E() == E()), ("hash", lambda: hash(H())),
                 ("getattr", lambda: G().x), ("lt", lambda: L() < L()),
                 ("key", lambda: sorted([1, 2], key=key))]:
    try:
        fn()
    except RecursionError:
        print(name, "RecursionError")
hash(H())
