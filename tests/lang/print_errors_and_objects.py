try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError:", e)
print(print)
print(len, type(len).__name__)
print(object().__class__.__name__, int.__name__, type(print).__name__)
class K:
    pass
print(K.__name__, K().__class__ is K, type(K).__name__)
