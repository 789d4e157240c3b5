# bytes and bytearray methods beyond the basics: every public method CPython has, with
# bytes-like and int arguments, start/end, and the errors CPython raises.
b = b"Hello, World! hello"
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.rfind(ord("l")), b.find(b"l", 5, 12))
print(b.index(b"W"), b.rindex(104), b.count(b"l"), b.count(108, 0, 5), b.count(b""), b.count(bytearray(b"ll")))
print(b.startswith((b"He", b"x")), b.endswith(b"lo"), b.startswith(b"World", 7), b.endswith((b"!",), 0, 13))
print(b.isascii(), b"\xff".isascii(), b"Title Case".istitle(), b"not Title".istitle())
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"prefix-body".removeprefix(b"prefix-"), b"x.py".removesuffix(b".py"))
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), b"aabbcc-abc".translate(table), b"hello".translate(None, b"l"), b"abc".translate(table, b"b"))
print(b"  spaced  ".strip(), b"xxhixx".strip(b"x"), b"abc".lstrip(memoryview(b"a")), b"abc".rstrip(bytearray(b"c")))
s = b"abc"
print(s.strip() is s, s.replace(b"z", b"y") == s, b"a,b,,c".split(b","), b"a b  c".split(), b"1\n2\r\n3".splitlines(True))
print(b"abc".center(9, b"*"), b"abc".ljust(5, b"-"), b"abc".rjust(5), b"42".zfill(5), b"-42".zfill(5))
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"))
print(b"hello world".title(), b"hello".capitalize(), b"HeLLo".swapcase(), b"ABC".lower(), b"abc".upper())
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower())
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("0a0b"), type(bytearray.fromhex("")).__name__)

ba = bytearray(b"Hello, World")
print(ba.find(b"o"), ba.rfind(b"o"), ba.index(b"W"), ba.rindex(ord("o")), ba.count(b"l"))
print(ba.upper(), ba.lower(), ba.title(), ba.swapcase(), ba.capitalize())
print(ba.split(b", "), ba.rsplit(maxsplit=1) if False else ba.rsplit(b"o", 1), ba.partition(b","), ba.rpartition(b"o"))
print(ba.strip(b"Hd"), ba.lstrip(b"H"), ba.rstrip(b"d"), ba.replace(b"l", b"L"), ba.replace(b"l", b"", 2))
print(ba.center(16, b"."), ba.ljust(14), ba.rjust(14, b"_"), bytearray(b"7").zfill(3), ba.expandtabs())
print(ba.startswith(b"Hell"), ba.endswith(b"ld"), ba.isascii(), ba.isalpha(), ba.istitle(), bytearray(b"-").join([b"a", b"b"]))
print(ba.removeprefix(b"Hello"), ba.removesuffix(b"World"), ba.translate(bytes.maketrans(b"lo", b"01")), ba.splitlines())
c = ba.copy()
c.insert(0, ord(">"))
c.insert(-1, ord("|"))
c.insert(100, ord("<"))
c.remove(ord(","))
c.reverse()
print(c, ba, c.decode(), ba.hex(" ", 3))
c[0:3] = b"XYZW"
c[::2] = bytes(len(c[::2]))
print(c)
del c[1::2]
del c[:2]
print(c, len(c))
c[len(c):] = [65, 66]
c[0:0] = memoryview(b"++")
print(c)

def setitem(o, k, v):
    o[k] = v

errors = [
    lambda: b"abc".find("a"),
    lambda: b"abc".find(256),
    lambda: b"abc".index(b"z"),
    lambda: b"abc".rindex(120),
    lambda: b"abc".strip("a"),
    lambda: b"abc".split("b"),
    lambda: b"abc".replace("a", "b"),
    lambda: b"abc".center(5, b"ab"),
    lambda: b"abc".translate(b"short"),
    lambda: bytes.maketrans(b"ab", b"c"),
    lambda: bytearray(b"abc").remove(ord("z")),
    lambda: bytearray(b"abc").insert(0, 300),
    lambda: bytearray(b"abc").index(b"q"),
    lambda: b"".join([b"a", "b"]),
    lambda: setitem(bytearray(b"abc"), slice(0, 3, 2), b"xyz"),
    lambda: setitem(bytearray(b"abc"), slice(0, 1), 5),
    lambda: b"x" in b"abc" and 300 in b"abc",
    lambda: "a" in b"abc",
]
for e in errors:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
