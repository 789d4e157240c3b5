for i, c in enumerate("ab"):
    print(i, c)
print(list(enumerate(["x", "y"], start=1)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], [3])), list(zip()))
names = ["a", "b"]
ages = [1, 2]
print(dict(zip(names, ages)))
pairs = [(1, "x"), (2, "y")]
nums, lets = zip(*pairs)
print(nums, lets)
