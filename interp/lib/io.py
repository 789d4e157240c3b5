"""io: in-memory streams, StringIO and BytesIO, as CPython 3.11's (Tollbooth's frozen module).

Also the SEEK_* constants, UnsupportedOperation (what a file raises for a read of a write-only
file), the base class names other code tests with isinstance, and open() with the file types it
returns (from _fileio, interp/modules/mod_fileio.c: TextIOWrapper, BufferedReader,
BufferedWriter, BufferedRandom; they are not subclasses of IOBase here).
"""

__all__ = ['StringIO', 'BytesIO', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'UnsupportedOperation',
           'IOBase', 'TextIOBase', 'BufferedIOBase', 'RawIOBase', 'DEFAULT_BUFFER_SIZE', 'open',
           'TextIOWrapper', 'BufferedReader', 'BufferedWriter', 'BufferedRandom']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


try:
    class UnsupportedOperation(OSError, ValueError):
        pass
except TypeError:
    class UnsupportedOperation(OSError):
        """CPython's also derives from ValueError (needs multiple inheritance)."""


UnsupportedOperation.__module__ = 'io'


class IOBase:
    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        out = []
        total = 0
        for line in self:
            out.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return out

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class _MemIO(IOBase):
    """The shared machinery: the value is kept whole (_buf) plus appended pieces (_tail), so a
    run of writes at the end costs one join when the value is next read."""

    def _init(self, empty):
        self._empty = empty
        self._buf = empty
        self._tail = []
        self._pos = 0
        self.closed = False

    def _flat(self):
        if self._tail:
            self._buf = self._empty.join([self._buf] + self._tail)
            self._tail = []
        return self._buf

    def _len(self):
        if self._tail:
            self._flat()
        return len(self._buf)

    def getvalue(self):
        self._check_closed()
        return self._flat()

    def close(self):
        self.closed = True
        self._buf = self._empty
        self._tail = []

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            if self._text and pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if self._text and pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, self._len() + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        buf = self._flat()
        start = min(self._pos, len(buf))
        end = len(buf) if size < 0 else min(len(buf), start + size)
        self._pos = max(self._pos, end) if end >= start else self._pos
        self._pos = end if end > start else max(start, self._pos)
        return buf[start:end]

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        buf = self._flat()
        start = min(self._pos, len(buf))
        nl = buf.find(self._nl, start)
        end = len(buf) if nl < 0 else nl + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = end if end > start else self._pos
        return buf[start:end]

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        buf = self._flat()
        if size < len(buf):
            self._buf = buf[:size]
        return size

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        end = self._len() if self._tail else len(self._buf)
        if self._pos == end:
            self._tail.append(s)
        else:
            buf = self._flat()
            if self._pos > len(buf):
                buf = buf + self._pad * (self._pos - len(buf))
            self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._pos += n
        return n


class TextIOBase(_MemIO):
    pass


class BufferedIOBase(_MemIO):
    pass


class RawIOBase(IOBase):
    pass


class StringIO(TextIOBase):
    _text = True
    _nl = '\n'
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._init('')
        self._newline = newline
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline not in ('', '\n'):
            s = s.replace('\n', self._newline)
        self._write(s)
        return n

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(BufferedIOBase):
    _text = False
    _nl = b'\n'
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        self._init(b'')
        if initial_bytes:
            self._buf = bytes(initial_bytes)

    def write(self, b):
        self._check_closed()
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return self._write(bytes(b))

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def getbuffer(self):
        return bytearray(self.getvalue())

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)


from _fileio import open, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom
