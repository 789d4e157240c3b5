print(isinstance(1, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance(True, int))
print(type(1), type("a"), type([]), type({}), type(()), type(1.5), type(None), type(len))
print(type(1) == int, type([]) is list, type(type(1)))
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), type(B()) is A, issubclass(bool, int), type(A()))
