a = [5, 3, 8, 1, 9, 2]
print(a.index(8), a.count(3), a.count(7))
b = a.copy()
b.sort()
print(a, b)
a.reverse()
print(a)
a.sort(reverse=True)
print(a)
a.clear()
print(a, len(a))
c = [3, 1, 2]
c += [0]
print(c, c * 2)
try:
    c.index(99)
except ValueError as e:
    print("ValueError:", e)
