# A bytearray with memoryviews not yet released refuses to change size (BufferError), as in
# CPython: append, extend, pop, remove, insert, clear, del, slice assignment that resizes, +=.
# Same-size writes stay allowed. Released views (and views that were freed) let it resize again.
ba = bytearray(b"0123456789")
m = memoryview(ba)
def setitem(o, k, v):
    o[k] = v
def delitem(o, k):
    del o[k]
attempts = [
    ("append", lambda: ba.append(1)),
    ("extend", lambda: ba.extend(b"ab")),
    ("pop", lambda: ba.pop()),
    ("remove", lambda: ba.remove(ord("0"))),
    ("insert", lambda: ba.insert(0, 1)),
    ("clear", lambda: ba.clear()),
    ("del item", lambda: delitem(ba, 0)),
    ("del slice", lambda: delitem(ba, slice(0, 2))),
    ("grow slice", lambda: setitem(ba, slice(0, 1), b"xyz")),
]
for name, f in attempts:
    try:
        f()
        print(name, "allowed")
    except BufferError as e:
        print(name, "BufferError:", e)
ba[0:2] = b"AB"          # same size: allowed
ba[9] = ord("Z")
ba.reverse()
print(ba, m.tobytes())

s = m[2:5]               # a slice is one more export
m.release()
try:
    ba.append(0)
except BufferError as e:
    print("still exported:", e)
s.release()
ba.append(ord("!"))
print(ba)

def scoped():
    v = memoryview(ba)
    return v[0]
print(scoped())
ba.extend(b"??")         # the view died with the function
print(ba, len(ba))

m2 = memoryview(ba)
ba.pop()                 # raises: the program ends with the uncaught BufferError
