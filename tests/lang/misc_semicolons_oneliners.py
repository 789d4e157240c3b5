a = 1; b = 2; c = a + b; print(c)
if c > 2: print("big")
for i in range(2): print("i", i)
while a < 3: a += 1
print(a)
def f(x): return x * 2
class K: v = 3
print(f(K.v))
