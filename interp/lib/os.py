# interp/lib/os.py — the Python half of `os` (the C half, interp/modules/mod_os.c, runs first):
# stat() with CPython's st_* names over MicroPython's 10-tuple, and os.path (posixpath).
import posixpath as path
import sys as _sys

sep = "/"
curdir = "."
pardir = ".."
__path__ = []                      # so that `import os.path` finds sys.modules["os.path"]
_sys.modules["os.path"] = path


class stat_result:
    def __init__(self, t):
        self._t = t
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size, self.st_atime, self.st_mtime, self.st_ctime) = t

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return ("os.stat_result(st_mode=%d, st_ino=%d, st_dev=%d, st_nlink=%d, st_uid=%d, "
                "st_gid=%d, st_size=%d, st_atime=%d, st_mtime=%d, st_ctime=%d)" % self._t)


def stat(p):
    return stat_result(_stat(p))


def makedirs(name, exist_ok=False):
    head, tail = path.split(name)
    if head and not path.exists(head):
        makedirs(head, exist_ok)
    try:
        mkdir(name)
    except FileExistsError:
        if not exist_ok or not path.isdir(name):
            raise
