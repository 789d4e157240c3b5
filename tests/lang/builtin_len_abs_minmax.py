print(len("abc"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2}), len(b"xy"))
print(abs(-5), abs(3.5), abs(-0), abs(-2 ** 70))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max((1, 5), (2, 0)))
print(min([], default=0), max([1, 3], key=lambda x: -x), min(["aa", "b"], key=len))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
