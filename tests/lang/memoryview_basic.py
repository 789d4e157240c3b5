# memoryview over bytes and bytearray: indexing, slicing, len, tobytes, tolist, hex,
# readonly, writes through to a bytearray, comparisons, hashing, release and `with`.
data = bytearray(b"hello world")
m = memoryview(data)
print(len(m), m[0], m[-1], m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides)
print(m.obj is data, m.contiguous, m.c_contiguous)
print(m[1:4].tobytes(), m[::2].tolist(), bytes(m[::-1]), m[2:9:3].tolist())
print(m[3:3].tobytes(), len(m[100:]), m[-3:].hex(), m.hex(":", 4))
m[0] = 72
m[6:11] = b"WORLD"
m[1:5:2] = bytearray(b"EL")
print(data)
sub = m[6:]
sub[0] = ord("w")
print(data, sub.tobytes(), sub.obj is data)
print(list(memoryview(b"abc")), [x for x in m[:3]], 104 in memoryview(b"h"))

ro = memoryview(b"immutable")
print(ro.readonly, ro[0], ro[-1], ro.tobytes().upper())
print(ro == b"immutable", ro == bytearray(b"immutable"), ro == memoryview(b"immutable"), ro != b"x")
print(ro == "immutable", ro[1:3] == b"mm", hash(ro) == hash(b"immutable"))
print(memoryview(m) == m, memoryview(m).readonly, m.toreadonly().readonly)

# bytes(), bytearray(), concatenation, join, find, int(), str() and decode of views
print(bytes(memoryview(b"xyz")), bytearray(memoryview(b"xy")), b"ab" + memoryview(b"cd"))
print(b"-".join([memoryview(b"a"), bytearray(b"b"), b"c"]), b"xyz".find(memoryview(b"z")))
print(int(memoryview(b" 42 ")), str(memoryview(b"caf\xc3\xa9"), "utf-8"))

# release and with
with memoryview(bytearray(b"abc")) as v:
    print(v.tobytes(), v.readonly)
print(repr(v).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
for op in (lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: v.readonly, lambda: bytes(v)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
v.release()   # releasing twice is allowed

# error cases
w = memoryview(bytearray(4))
for bad in (256, -1, "x", 1.5):
    try:
        w[0] = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def setitem(o, k, v):
    o[k] = v
def delitem(o, k):
    del o[k]
tries = [
    lambda: setitem(w, slice(0, 2), b"abc"),
    lambda: delitem(w, 0),
    lambda: w[4],
    lambda: w[-5],
    lambda: w["a"],
    lambda: setitem(ro, 0, 1),
    lambda: hash(w),
    lambda: memoryview(5),
    lambda: memoryview("text"),
    lambda: memoryview(),
]
for t in tries:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
