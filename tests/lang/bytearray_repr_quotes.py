# bytearray's repr escapes every single quote, inside double quotes too (CPython's bytearray_repr);
# bytes' repr only the quote it uses.
for v in [b"'abc", b'"x', b'\'"', b'it\'s', b'\\\'', b'', b'\xff\'']:
    print(repr(v), repr(bytearray(v)), str(bytearray(v)))
class BA(bytearray): pass
print(repr(BA(b"'q")), '%r' % bytearray(b"'"))
