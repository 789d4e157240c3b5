d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
del d["alpha"]
d["alpha"] = 0
print(list(d))
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
