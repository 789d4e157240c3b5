# expect: ok
# 100,000 nested generator expressions, never run, then dropped (gen_dealloc recursion).
g = iter([1])
for i in range(100000):
    g = (x for x in g)
del g
print("freed")
