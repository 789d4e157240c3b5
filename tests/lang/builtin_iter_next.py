it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
d = iter({"a": 1, "b": 2})
print(list(d))
s = iter("xy")
print(next(s), list(s))
it = iter(range(3))
print(iter(it) is it, list(it))
class Sentinel:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Sentinel(), 4)))
