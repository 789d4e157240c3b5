class Ver:
    def __init__(self, major, minor):
        self.t = (major, minor)
    def __eq__(self, other):
        return isinstance(other, Ver) and self.t == other.t
    def __lt__(self, other):
        return self.t < other.t
    def __repr__(self):
        return "Ver%r" % (self.t,)
vs = [Ver(1, 2), Ver(0, 9), Ver(1, 0)]
print(sorted(vs), min(vs), max(vs))
print(Ver(1, 2) == Ver(1, 2), Ver(1, 2) != Ver(1, 3), Ver(1, 2) == "x")
print(Ver(0, 1) < Ver(0, 2), Ver(2, 0) > Ver(1, 0))
print(Ver(1, 1) in vs, Ver(1, 0) in vs)
