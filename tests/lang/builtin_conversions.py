print(int("5"), float("5"), str(5), repr("5"), bool("5"), list("ab"), tuple([1]), dict(a=1), set([1]))
print(list(), tuple(), dict(), str(), int(), float(), bool())
print(list({"a": 1}), list((1, 2)), tuple(range(3)), list(range(3)))
print(int(" 12 "), int(-7.9), float(" 1.5 "), str(1.0), str(-0.5))
