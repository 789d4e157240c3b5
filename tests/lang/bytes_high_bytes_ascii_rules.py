# bytes methods follow ASCII rules: only ASCII letters, digits and whitespace count (bytes >= 0x80
# and \x1c-\x1f are never case-mapped, split on or stripped), lines end only at \n, \r, \r\n.
tests = [b"\xe9abc", b"\xc3\xa9t\xc3\xa9", b"a\xffb c", b"\x80\x81", b"\xa0x\xa0"]
for b in tests:
    print(b.upper(), b.lower(), b.title(), b.swapcase(), b.capitalize(), b.isalpha(), b.isalnum(), b.isspace(), b.isupper(), b.islower(), b.istitle())
    print(b.split(), b.strip(), b.center(9, b"\xff"), b.find(b"\xff"), b.split(b"\xff"), b.partition(b"x"), b.zfill(8), b.splitlines(), b.expandtabs(), len(b.ljust(10)))
    print(b.count(b"\xa0"), b.replace(b"\xe9", b"E"), b.rfind(0xa0), b.index(b[-1:]), b.startswith(b[:1]), b.translate(None, b"\x80"))
for b in (bytearray(b"\xe9Ab"), b"Ab\xe9 Cd"):
    print(b.upper(), b.title(), b.swapcase(), b.istitle(), b.isupper(), b.isalpha())
print(b"a\x1cb\x0bc\x0cd\x85e\nf\r\ng\rh".splitlines(), b"a\x1cb\x0bc\nd".splitlines(True), bytearray(b"x\x1dy\x1ez").splitlines())
print(b"a\x1cb c\x1fd\x85e".split(), b" \x1c x \x1c".strip(), b"\x0b\x0cx\x0b".strip(), b"a\x0bb".split())
for b in [b"", b"   ", b" a  b c ", b"a\tb\nc", b"  lead", b"trail  ", b"one"]:
    for m in [-1, 0, 1, 2, 5]:
        print(b.split(None, m), b.rsplit(None, m), b.split(maxsplit=m), b.rsplit(maxsplit=m))
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(None), b.split(b" "), b.rsplit(b" ", 1), b.splitlines(), b.splitlines(keepends=True))
print(b"a,b".split(sep=b","), b"x".strip(b"x"), bytearray(b" q ").strip(), bytearray(b"a b").split())
