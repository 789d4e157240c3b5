# open(), file objects and os's file functions, compared with CPython: text and binary modes,
# read/readline/readlines/iteration, seek/tell/truncate/readinto, append, the OSError subclasses
# with errno, os.path. Runs in a private directory under build/ (the runner's cwd is the repo).
import os
_top = os.getcwd()
_d = "build/fileio_basic_%d" % os.getpid()
os.mkdir(_d)
os.chdir(_d)
import os
with open("a.txt", "w") as f:
    print(f.write("héllo\nworld\n"), f.tell())
with open("a.txt") as f:
    print(repr(f.read(3)), repr(f.readline()), f.tell(), repr(f.read()))
with open("a.txt", "a") as f:
    f.write("more\n")
print(open("a.txt").readlines())
for line in open("a.txt"):
    print(repr(line))
with open("b.bin", "wb") as f:
    f.write(bytes(range(10)))
with open("b.bin", "r+b") as f:
    f.seek(5)
    print(f.read(2), f.tell())
    f.write(b"XY")
    f.seek(0)
    print(f.read())
    ba = bytearray(4)
    f.seek(0)
    print(f.readinto(ba), ba)
    f.truncate(3)
print(os.path.getsize("b.bin"), os.path.exists("b.bin"), os.path.isfile("b.bin"), os.path.isdir("."))
try:
    open("nope.txt")
except FileNotFoundError as e:
    print("FNF", e.errno, e)
try:
    open("a.txt", "x")
except FileExistsError as e:
    print("FEE", e)
os.mkdir("d")
try:
    open("d")
except IsADirectoryError as e:
    print("ISDIR", e)
try:
    os.mkdir("d")
except FileExistsError as e:
    print(e)
os.rename("a.txt", "d/c.txt")
print(sorted(os.listdir(".")), os.listdir("d"))
try:
    os.rmdir("d")
except OSError as e:
    print(type(e).__name__, e.errno)
os.remove("d/c.txt"); os.rmdir("d")
try:
    os.remove("zz")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
print(os.path.join("a", "b", "c"), os.path.split("/x/y"), os.path.basename("/x/y.py"), os.path.dirname("/x/y.py"))
f = open("b.bin"); f.close(); print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
try:
    open("b.bin", "rw")
except ValueError as e:
    print(e)
print(os.stat("b.bin").st_size)
with open("lines.txt", "w") as f:
    for i in range(200):
        f.write("line %d %s\n" % (i, "x" * (i % 37)))
n = 0
total = 0
with open("lines.txt") as f:
    for line in f:
        n += 1
        total += len(line)
print(n, total, os.path.getsize("lines.txt"))
with open("lines.txt", "rb") as f:
    f.seek(-10, 2)
    print(f.read(), f.tell())
with open("big.bin", "wb") as f:
    for i in range(64):
        f.write(bytes([i]) * 1000)
with open("big.bin", "rb") as f:
    data = f.read()
print(len(data), data[0], data[63999], data[31500])
with open("crlf.txt", "wb") as f:
    f.write(b"one\r\ntwo\r\nthree\n")
print(repr(open("crlf.txt").read()), open("crlf.txt").readlines())
print(repr(open("crlf.txt", newline="").read()))
with open("u8.txt", "w", encoding="utf-8") as f:
    f.write("naïve ☃ 𝄞\n")
with open("u8.txt") as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.read()))
print(os.path.getsize("u8.txt"))
try:
    open("crlf.txt", "r", newline="x")
except ValueError as e:
    print(e)
# universal newlines: "\r\n" split across two reads is one line end; a lone "\r" ends a line
with open("split.txt", "wb") as f:
    f.write(b"a\r\nb\rc\r\n\r\nd")
with open("split.txt") as f:
    print([f.read(1) for _ in range(8)])
with open("split.txt") as f:
    print(repr(f.read(2)), repr(f.readline()), repr(f.read()))
print(list(open("split.txt")), open("split.txt").readlines())
# reading a write-only file, writing a read-only one: io.UnsupportedOperation, an OSError
import io
for mode, op in (("w", "read"), ("ab", "read"), ("r", "write"), ("rb", "write")):
    with open("split.txt" if mode[0] == "r" else "ro.txt", mode) as f:
        try:
            getattr(f, op)(("x" if mode == "r" else b"x") if op == "write" else -1)
        except io.UnsupportedOperation as e:
            print(mode, op, type(e).__name__, e, isinstance(e, OSError))
# the file types, by mode, as io names them
for mode in ("r", "w", "rb", "wb", "ab", "r+b", "w+"):
    with open("ro.txt", mode) as f:
        print(mode, type(f).__name__, repr(f).split(" name=")[0], type(f) is getattr(io, type(f).__name__))
# readinto a memoryview (MicroPython's mpremote hashes files this way)
with open("b.bin", "wb") as f:
    f.write(bytes(range(256)) * 2 + b"end")
buf = memoryview(bytearray(100))
got = bytearray()
with open("b.bin", "rb") as f:
    while True:
        n = f.readinto(buf)
        if n == 0:
            break
        got.extend(buf if n == 100 else buf[:n])
print(len(got), bytes(got[-5:]), bytes(got) == bytes(range(256)) * 2 + b"end")
with open("b.bin", "rb") as f:
    print(f.readinto(memoryview(bytearray(4))[1:3]))
    try:
        f.readinto(memoryview(b"abcd"))
    except TypeError as e:
        print("TypeError", e)
# fileno(): an int while open, distinct for two open files; ValueError once closed
with open("ro.txt") as f, open("b.bin", "rb") as g:
    print(type(f.fileno()).__name__, f.fileno() >= 0, f.fileno() != g.fileno())
try:
    f.fileno()
except ValueError as e:
    print("ValueError", e)
for name in sorted(os.listdir(".")):
    os.remove(name)
os.chdir(_top)
os.rmdir(_d)
print(os.path.exists(_d))
