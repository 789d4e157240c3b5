# OSError's errno, strerror, filename and filename2, read from the constructor's arguments as
# CPython fills them, assignable, and on the errno subclasses and user subclasses.
for args in [(), ("just a message",), (2, "No such file or directory"), (2, "No such file", "f.txt"),
             (13, "Permission denied", "a", None, "b"), (17, "exists", "x", None), (1, 2, 3, 4, 5, 6),
             (2, "gone", None), (2, "gone", None, None, "b2")]:
    e = OSError(*args)
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, str(e))
e = OSError(5, "Input/output error")
e.errno = 7
e.strerror = "changed"
e.filename = "g.bin"
print(e.errno, e.strerror, e.filename, e.args)

class MyOSError(OSError):
    pass

print(MyOSError().errno, MyOSError(1, "msg").errno, MyOSError(1, "msg").strerror, MyOSError("x").errno)
for exc in (FileNotFoundError(2, "gone", "path.txt"), PermissionError(13, "denied"), TimeoutError(110, "late")):
    try:
        raise exc
    except OSError as ex:
        print(type(ex).__name__, ex.errno, ex.strerror, ex.filename, isinstance(ex, OSError))
raise FileNotFoundError(2, "No such file or directory", "missing.txt")
