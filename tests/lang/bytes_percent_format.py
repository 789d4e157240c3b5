# printf-style formatting of bytes (PEP 461): %s/%b take bytes-like objects, %r/%a give the
# ASCII repr, numbers as for str; str arguments to %s are refused.
print(b"%s|%b|%r|%a" % (b"ab", bytearray(b"cd"), b"ef", "caf\xe9"))
print(b"%d|%5.2f|%x|%X|%o|%c|%c|%%|%-6s|%6s" % (42, 3.14159, 255, 255, 8, 65, b"Z", b"l", b"r"))
print(b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 7})
print(b"%s" % memoryview(b"view"), b"single %d" % 5, b"no args" % ())
print(b"%i%%" % 50, b"%+d % d" % (3, 4), b"%05.1f" % 2.25, b"%e" % 12345.678)
for fmt, args in [(b"%s", "str"), (b"%d", b"x"), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")),
                  (b"%(k)s", (1,)), (b"%c", 300), (b"%c", b"ab"), (b"%y", 1)]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
