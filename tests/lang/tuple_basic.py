t = (1, 2, 3)
print(t, len(t), t[1], t[-1], t[::-1], t + (4,), t * 2)
print((), (1,), tuple([1, 2]), tuple("ab"))
print(t.index(2), t.count(1), 3 in t)
a, b, c = t
print(a, b, c)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
