# bytes(x) calls a class's __bytes__ first, and requires it to return bytes.
class B:
    def __bytes__(self): return b"custom"
print(bytes(B()))
class Bad:
    def __bytes__(self): return "str"
try: bytes(Bad())
except TypeError as e: print(e)
class Raises:
    def __bytes__(self): raise ValueError("no bytes here")
try: bytes(Raises())
except ValueError as e: print("ValueError", e)
print(bytes(b"plain"), bytearray(B()) if False else bytes([1, 2]))
bytes(Bad())
