# bytearray += and *= change the object in place (aliases see it) and are refused while a
# memoryview exports it; + and * make new bytearrays and take only bytes-like operands.
ba = bytearray(b"ab"); a = ba
ba += b"cd"; print(a is ba, a)
ba += memoryview(b"e"); print(a)
for f in [lambda: bytearray(b"a") + [1], lambda: bytearray(b"ab") * 2, lambda: 3 * bytearray(b"x"), lambda: b"a" + bytearray(b"b"), lambda: bytearray(b"a") + "s"]:
    try: print(f())
    except TypeError as e: print("TypeError", e)
c = bytearray(b"xy"); d = c
c *= 3; print(c, d is c)
m = memoryview(c)
try:
    c += b"z"
except BufferError as e: print("BufferError", e)
try:
    c *= 2
except BufferError as e: print("BufferError", e)
try:
    c += [1]
except TypeError as e: print("TypeError", e)
print(c, bytearray(b"ab") == b"ab", b"ab" < bytearray(b"b"), bytearray(b"a") * 0)
bytearray(b"a") + [1]
