class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        self.kw = kw
class Mid(Base):
    def __init__(self, x, **kw):
        super().__init__(**kw)
        self.x = x
        self.log.append("Mid")
class Leaf(Mid):
    def __init__(self):
        super().__init__(10, flag=True)
        self.log.append("Leaf")
    def __repr__(self):
        return f"Leaf(x={self.x}, kw={self.kw}, log={self.log})"
print(Leaf())
print(super(Leaf, Leaf()).__init__ is not None)
