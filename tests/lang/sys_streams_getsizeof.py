# sys.stdout/sys.stderr/sys.stdin objects: write, flush, print(file=...), their byte .buffer,
# stdin.readline at the end of input; sys.getsizeof, getdefaultencoding, maxunicode.
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr, flush=True)
n = sys.stdout.write("written\n")
sys.stdout.flush()
print(n, sys.stderr.write("err line\n"))
sys.stdout.flush()   # the text layer first: its buffer and .buffer are separate in CPython
print(sys.stdout.buffer.write(b"raw bytes\n"), sys.stdout.buffer.write(bytearray(b"ba\n")))
sys.stdout.flush()
print("TextIOWrapper" in str(type(sys.stdout)), "TextIOWrapper" in repr(sys.stdin), sys.stdout.name, sys.stderr.name)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(sys.getsizeof([]) > 0, sys.getsizeof([1, 2, 3]) > sys.getsizeof([]), sys.getsizeof("a" * 100) > sys.getsizeof("a"))
print(sys.getsizeof({1: 2}) > 0, sys.getsizeof(1) > 0, sys.getsizeof(b"abc") < sys.getsizeof(b"a" * 1000))

class Sized:
    def __sizeof__(self):
        return 1234

class Plain:
    pass

print(sys.getsizeof(Sized()) >= 1234, sys.getsizeof(Plain()) > 0, sys.getsizeof(Plain(), 7) > 0)
print(sys.getdefaultencoding(), sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff")

class BadSize:
    def __sizeof__(self):
        return -1

for f in [lambda: sys.stdout.write(5), lambda: sys.stdout.buffer.write("text"), lambda: sys.getsizeof(BadSize()),
          lambda: sys.getsizeof(), lambda: sys.stdout.write()]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
