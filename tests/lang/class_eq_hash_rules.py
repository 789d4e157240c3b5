class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)
class Q:
    pass
print(Q() == Q(), len({Q(), Q()}))
class R:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([R(3), R(1), R(2)]), R(1) < R(2))
