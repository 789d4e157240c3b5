d = {"a": 1, "b": 2}
k = d.keys()
v = d.values()
it = d.items()
d["c"] = 3
print(len(k), list(k), list(v), list(it))
print("a" in k, 2 in v, ("b", 2) in it)
print(k & {"a", "z"}, sorted(k | {"q"}))
