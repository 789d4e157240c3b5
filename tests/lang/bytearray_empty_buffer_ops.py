# An empty bytearray (no buffer yet): slice assignment, in-place repeat and extend by nothing.
ba = bytearray()
ba[1:3] = b''
ba[0:0] = b''
ba *= 2
ba *= 0
ba += b''
ba.extend(b'')
ba[:] = []
print(ba, len(ba))
ba[0:0] = b'xy'
ba *= 3
print(ba)
e = bytearray(b'ab')
e.clear()
e[5:9] = b''
e *= 4
print(e, e == bytearray())
