# interp/lib/posixpath.py — os.path for "/"-separated paths (CPython's names and results).
import os as _os

sep = "/"


def join(a, *p):
    r = a
    for b in p:
        if b.startswith("/"):
            r = b
        elif not r or r.endswith("/"):
            r += b
        else:
            r += "/" + b
    return r


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    b = p.rfind("/")
    d = p.rfind(".")
    if d > b:
        f = b + 1
        while f < d and p[f] == ".":
            f += 1
        if f < d:
            return p[:d], p[d:]
    return p, ""


def exists(p):
    try:
        _os.stat(p)
    except (OSError, ValueError):
        return False
    return True


def isdir(p):
    try:
        return _os.stat(p).st_mode & 0o170000 == 0o040000
    except (OSError, ValueError):
        return False


def isfile(p):
    try:
        return _os.stat(p).st_mode & 0o170000 == 0o100000
    except (OSError, ValueError):
        return False


def getsize(p):
    return _os.stat(p).st_size


def isabs(p):
    return p.startswith("/")


def normpath(p):
    if not p:
        return "."
    initial = 1 if p.startswith("/") else 0
    if initial and p.startswith("//") and not p.startswith("///"):
        initial = 2
    out = []
    for c in p.split("/"):
        if c in ("", "."):
            continue
        if c != ".." or (not initial and not out) or (out and out[-1] == ".."):
            out.append(c)
        elif out:
            out.pop()
    r = "/".join(out)
    if initial:
        r = "/" * initial + r
    return r or "."


def abspath(p):
    if not isabs(p):
        p = join(_os.getcwd(), p)
    return normpath(p)
