class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
    def __hash__(self):
        return hash(self.k)
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no")
d = {Key("a"): 1}
print(d[Key("a")], Key("a") in d)
add5 = Adder(5)
print(add5(10), callable(add5), callable(5))
