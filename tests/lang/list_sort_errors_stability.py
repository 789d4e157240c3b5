data = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(data, key=lambda t: t[1]))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
xs = [5, 3, 5, 1]
xs.sort(key=lambda v: -v)
print(xs, sorted([1.5, 1, True, 0]))
