b = b"hello"
print(b, len(b), b[0], b[1:3], b[-1], list(b[:2]))
print(b + b" world", b * 2, b"ell" in b, b.upper())
print(bytes([65, 66, 67]), bytes(3), b"a,b".split(b","))
print(b.decode(), "héllo".encode(), len("héllo".encode()))
print(b.find(b"l"), b.replace(b"l", b"L"), b.startswith(b"he"))
print(bytearray(b"abc"), bytes.fromhex("41 42"), b"\x00\xff".hex())
ba = bytearray(b"xyz")
ba[0] = 65
ba.append(33)
print(ba, bytes(ba))
print(repr(b"'\""), b"\n\t\\")
