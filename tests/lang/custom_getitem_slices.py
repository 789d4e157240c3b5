class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, k):
        if isinstance(k, slice):
            return Seq(self.data[k])
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return f"Seq({self.data})"
s = Seq(range(10))
print(s[2], s[-1], s[2:5], s[::-3], len(s[1:]))
s[0:3] = ["a", "b"]
print(s, list(s), "b" in s)
