print([1, "a", 2.5, None, True, (1,), [], {}, set()])
print({"k": [1, {"n": (2, 3)}], 1: "x"})
print(((1, 2), [3, "4"]), repr("'"), repr('"'))
a = [1]
a.append(a)
print(a)
d = {}
d["self"] = d
print(d)
