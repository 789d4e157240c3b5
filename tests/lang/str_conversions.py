print(str(42), str(-3.5), str([1, "a"]), str((1,)), str({"k": 1}), str(None), str(True))
print(repr(42), repr([1, "a"]), repr({"a": [1, 2]}))
print(int("7") + 1, float("2.5") * 2, str(2 ** 70))
print(len(str(10 ** 100)))
