# expect: RecursionError MemoryError ok
x = []
for i in range(100000):
    x = [x]
s = str(x)
print(len(s))
