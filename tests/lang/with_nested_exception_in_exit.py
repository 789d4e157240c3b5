class Log:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, repr(v))
        return self.n == 1
with Log(1) as a:
    with Log(2) as b:
        raise KeyError(a + b)
print("after: inner propagated, outer suppressed")
