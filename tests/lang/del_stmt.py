x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a = [0, 1, 2, 3, 4]
del a[0]
del a[-1]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
p, q = 1, 2
del p, q
print("ok")
