x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < 2 < 3 < 4 < 0)
print(1 == 1 == 1, 1 == 1 != 2, "a" < "b" < "c")
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
print(1 < 2 in [2], 3 not in [1] == False)
print(x is x is not None)
