# expect: RecursionError
# hash() of 200,000-deep nested tuples / frozensets recurses in C.
t = ()
for i in range(200000):
    t = (t,)
try:
    hash(t)
except RecursionError:
    print("tuple RecursionError")
f = frozenset()
for i in range(200000):
    f = frozenset([f, i])
try:
    hash(frozenset([f]))
    print("frozenset hashed")
except RecursionError:
    print("frozenset RecursionError")
hash(t)
