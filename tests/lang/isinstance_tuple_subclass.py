class A: pass
class B(A): pass
class C: pass
objs = [A(), B(), C(), 1, "s", True, None]
for o in objs:
    print(type(o).__name__, isinstance(o, (A, int)), isinstance(o, (C, str)), isinstance(o, object))
print(issubclass(B, (C, A)), issubclass(bool, (str, int)))
