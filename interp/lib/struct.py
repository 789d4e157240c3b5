"""struct: values <-> bytes by format strings, as CPython 3.11's struct (Tollbooth's frozen module).

pack, unpack, unpack_from, pack_into, iter_unpack, calcsize, Struct and error; the engine is
_struct (interp/modules/mod_struct.c). Native mode ('@', the default) uses the LP64 sizes of
CPython on a 64-bit host on both ports.
"""

import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'


def calcsize(format):
    return _struct._calcsize(error, format)


def pack(format, *values):
    return _struct._pack(error, format, values)


def pack_into(format, buffer, offset, *values):
    _struct._pack_into(error, format, buffer, offset, values)


def unpack(format, buffer):
    return _struct._unpack(error, format, buffer, 0, True)


def unpack_from(format, buffer, offset=0):
    return _struct._unpack(error, format, buffer, offset, False)


def iter_unpack(format, buffer):
    return iter(_struct._iter_unpack(error, format, buffer))


class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.size = _struct._calcsize(error, format)
        self.format = format

    def pack(self, *values):
        return _struct._pack(error, self.format, values)

    def pack_into(self, buffer, offset, *values):
        _struct._pack_into(error, self.format, buffer, offset, values)

    def unpack(self, buffer):
        return _struct._unpack(error, self.format, buffer, 0, True)

    def unpack_from(self, buffer, offset=0):
        return _struct._unpack(error, self.format, buffer, offset, False)

    def iter_unpack(self, buffer):
        return iter(_struct._iter_unpack(error, self.format, buffer))
