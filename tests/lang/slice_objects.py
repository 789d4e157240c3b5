s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
a = list(range(10))
print(a[s], "abcdefghij"[s], tuple(a)[s])
print(slice(3), slice(None, None, -1).indices(5), slice(2, 100).indices(10))
class Getter:
    def __getitem__(self, k):
        return k
g = Getter()
print(g[1:2], g[::3], g[1, 2], g[1:2, 3])
