d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" not in d)
del d["b"]
print(d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
d["a"] = 100
print(d)
print(dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict({"k": "v"}))
