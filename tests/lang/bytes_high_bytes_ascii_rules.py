# bytes methods treat only ASCII as letters, digits and space: bytes >= 0x80 (UTF-8 text or
# not) are never case-mapped, split or classified as characters.
tests = [b"\xe9abc", b"\xc3\xa9t\xc3\xa9", b"a\xffb c", b"\x80\x81", b"\xa0x\xa0"]
for b in tests:
    print(b.upper(), b.lower(), b.title(), b.swapcase(), b.capitalize(), b.isalpha(), b.isalnum(), b.isspace(), b.isupper(), b.islower(), b.istitle())
    print(b.split(), b.strip(), b.center(9, b"\xff"), b.find(b"\xff"), b.split(b"\xff"), b.partition(b"x"), b.zfill(8), b.splitlines(), b.expandtabs(), len(b.ljust(10)))
    print(b.count(b"\xa0"), b.replace(b"\xe9", b"E"), b.rfind(0xa0), b.index(b[-1:]), b.startswith(b[:1]), b.translate(None, b"\x80"))
for b in (bytearray(b"\xe9Ab"), b"Ab\xe9 Cd"):
    print(b.upper(), b.title(), b.swapcase(), b.istitle(), b.isupper(), b.isalpha())
