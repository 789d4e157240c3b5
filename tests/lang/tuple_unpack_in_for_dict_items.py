scores = {"ann": [90, 80], "bob": [70, 75, 80]}
for name, (first, *rest) in sorted(scores.items()):
    print(name, first, rest, sum(rest))
for i, (k, v) in enumerate(sorted(scores.items())):
    print(i, k, len(v))
pairs = [[1, 2], [3, 4]]
for a, b in pairs:
    a, b = b, a
    print(a, b)
