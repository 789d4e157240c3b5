# bytearray(n) with n == 0 (an int, or False, which is one): an empty bytearray. It wrote n zero
# bytes into a buffer it had not allocated (memset of a NULL pointer: undefined behaviour, found by
# the fuzzer from bytearray(b'x' < b'')).
for n in [0, False, 1, True, 3]:
    b = bytearray(n)
    print(repr(b), len(b), b == bytearray(b"\0" * int(n)))
b = bytearray(0)
b += b"ab"
b.extend(bytearray(False))
print(b, bytearray(b"x" < b""), bytes(0), bytes(False))
