class C:
    shared = []
    count = 0
    def __init__(self):
        C.count += 1
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own, C.count)
print(hasattr(a, "own"), hasattr(C, "own"), getattr(a, "missing", "dflt"))
setattr(a, "dyn", 5)
print(a.dyn, sorted(k for k in vars(a)))
