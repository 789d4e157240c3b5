a = list(range(100000))
print(len(a), sum(a), a[-1])
b = [x * 2 for x in a if x % 7 == 0]
print(len(b), b[:5], b[-1])
a.reverse()
print(a[:3])
del a[::2]
print(len(a))
