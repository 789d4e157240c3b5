class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def name(cls):
        return cls.__name__
class Sub(Counter):
    pass
Counter.make(3)
print(Counter.total, Counter.helper(21), Counter().helper(1), Sub.name(), Counter.name())
print(len(Sub.make(2)), Counter.total)
