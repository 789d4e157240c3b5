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
for name in sorted(os.listdir(".")):
    os.remove(name)
os.chdir(_top)
os.rmdir(_d)
print(os.path.exists(_d))
