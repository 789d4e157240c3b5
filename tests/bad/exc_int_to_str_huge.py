# expect: ValueError MemoryError ok
x = 10 ** 20000
s = str(x)
print(len(s))
