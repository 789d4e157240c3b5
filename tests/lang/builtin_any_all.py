print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any("x"), all(x > 0 for x in [1, 2]))
def noisy(x):
    print("check", x)
    return x
print(any(noisy(x) for x in [0, 2, 3]))
print(all(noisy(x) for x in [1, 0, 3]))
