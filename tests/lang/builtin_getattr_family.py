class O:
    a = 1
o = O()
print(hasattr(o, "a"), hasattr(o, "b"), getattr(o, "a"), getattr(o, "b", None))
setattr(o, "b", 2)
print(o.b, getattr(o, "b"))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "zzz")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([1, 2], "count")(1), hasattr("s", "upper"))
