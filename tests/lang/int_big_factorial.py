def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(25))
print(fact(50))
s = str(fact(200))
print(len(s), sum(int(c) for c in s))
