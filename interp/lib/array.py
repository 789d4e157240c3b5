"""array: typed arrays of numbers (and 'u' characters), as CPython 3.11's array module on a
64-bit host (Tollbooth's frozen module): the typecodes bBuhHiIlLqQfd with their sizes, range
checks and messages, the list-like methods, slicing, tobytes/frombytes through struct, and
the repr array('i', [1, 2, 3]). Values are kept in a list, converted on the way in; an array of
typecode 'B' keeps them in a bytearray instead, which it exports as its buffer: memoryview(a)
(through __buffer__, PEP 688) is a writable view onto the array's own bytes, and while a view is
unreleased the array cannot change size (BufferError), as in CPython. bytes(a) is a.tobytes().
"""

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'
_STRUCT_CODE = {'u': 'I', 'l': 'q', 'L': 'Q'}     # the struct code of the same size, '<' order

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8,
          'Q': 8, 'f': 4, 'd': 8}
_LIMITS = {
    'b': (-128, 127, 'signed char is less than minimum', 'signed char is greater than maximum'),
    'B': (0, 255, 'unsigned byte integer is less than minimum', 'unsigned byte integer is greater than maximum'),
    'h': (-32768, 32767, 'signed short integer is less than minimum', 'signed short integer is greater than maximum'),
    'H': (0, 65535, 'unsigned short is less than minimum', 'unsigned short is greater than maximum'),
    'i': (-2147483648, 2147483647, 'signed integer is less than minimum', 'signed integer is greater than maximum'),
    'I': (0, 4294967295, "can't convert negative value to unsigned int", 'unsigned int is greater than maximum'),
    'l': (-2 ** 63, 2 ** 63 - 1, 'Python int too large to convert to C long', 'Python int too large to convert to C long'),
    'L': (0, 2 ** 64 - 1, "can't convert negative value to unsigned int", 'Python int too large to convert to C unsigned long'),
    'q': (-2 ** 63, 2 ** 63 - 1, 'int too big to convert', 'int too big to convert'),
    'Q': (0, 2 ** 64 - 1, "can't convert negative int to unsigned", 'int too big to convert'),
}


def _check(tc, v):
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if tc in 'fd':
        if isinstance(v, (int, float)):
            v = float(v)
            if tc == 'f':
                v = _struct.unpack('f', _struct.pack('f', v))[0]
            return v
        raise TypeError('must be real number, not %s' % type(v).__name__)
    if isinstance(v, float) or not isinstance(v, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    # CPython converts 'b' as a C short and 'H' as a C int first (then checks the item's own
    # range), and every small code through a C long: those conversions' errors come first
    if tc in 'bBhHi' and not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError('Python int too large to convert to C long')
    if tc == 'I' and v >= 2 ** 64:
        raise OverflowError('Python int too large to convert to C unsigned long')
    first = {'b': 'h', 'H': 'i'}.get(tc)
    if first:
        lo, hi, lomsg, himsg = _LIMITS[first]
        if v < lo:
            raise OverflowError(lomsg)
        if v > hi:
            raise OverflowError(himsg)
    lo, hi, lomsg, himsg = _LIMITS[tc]
    if v < lo:
        raise OverflowError(lomsg)
    if v > hi:
        raise OverflowError(himsg)
    return int(v)


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            if not isinstance(typecode, str) or len(typecode) != 1:
                raise TypeError('array() argument 1 must be a unicode character, not %s'
                                % type(typecode).__name__)
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._a = bytearray() if typecode == 'B' else []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r' % typecode)
            self._a = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if typecode == 'u' and initializer.typecode != 'u':
                raise TypeError('cannot use a unicode array to initialize an array with typecode %r' % typecode)
            self.extend(initializer._a)
        else:
            self.extend(initializer)

    def _fmt(self, n):
        # struct's standard sizes ('<'): 'l'/'L' would be 4 bytes there, 8 here (C long)
        return '<%d%s' % (n, _STRUCT_CODE.get(self.typecode, self.typecode))

    def append(self, v):
        self._a.append(_check(self.typecode, v))

    def extend(self, it):
        if isinstance(it, array) and it.typecode != self.typecode:
            raise TypeError('can only extend with array of same kind')
        tc = self.typecode
        self._a.extend([_check(tc, v) for v in it])

    def insert(self, i, v):
        self._a.insert(i, _check(self.typecode, v))

    def pop(self, i=-1):
        if not self._a:
            raise IndexError('pop from empty array')
        try:
            return self._a.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def _items(self):
        """The values as a list (searches compare by ==, as a list does, whatever v is)."""
        a = self._a
        return a if type(a) is list else list(a)

    def remove(self, v):
        try:
            i = self._items().index(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None
        del self._a[i]

    def index(self, v, start=0, stop=None):
        try:
            return self._items().index(v, start, len(self._a) if stop is None else stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._items().count(v)

    def reverse(self):
        self._a.reverse()

    def tolist(self):
        return list(self._a)

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        self.extend(lst)

    def tobytes(self):
        if self.typecode == 'B':
            return bytes(self._a)
        if self.typecode == 'u':
            return _struct.pack(self._fmt(len(self._a)), *[ord(c) for c in self._a])
        return _struct.pack(self._fmt(len(self._a)), *self._a)

    def frombytes(self, b):
        b = bytes(b)
        if len(b) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        vals = _struct.unpack(self._fmt(len(b) // self.itemsize), b)
        if self.typecode == 'u':
            vals = [chr(v) for v in vals]
        self._a.extend(vals)

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._a)

    def fromunicode(self, s):
        if self.typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._a.extend(s)

    def byteswap(self):
        if self.typecode == 'u' or self.itemsize == 1:
            return
        fmt = self._fmt(len(self._a))
        raw = _struct.pack(fmt, *self._a)
        n = self.itemsize
        swapped = b''.join(raw[i:i + n][::-1] for i in range(0, len(raw), n))
        self._a = list(_struct.unpack(fmt, swapped))

    def buffer_info(self):
        return (id(self), len(self._a))

    def __len__(self):
        return len(self._a)

    def __iter__(self):
        return iter(self._a)

    def __contains__(self, v):
        return v in self._items()

    def __bytes__(self):
        return self.tobytes()

    def __buffer__(self, flags):
        if self.typecode != 'B':
            raise TypeError("memoryview: only an array of typecode 'B' exports its buffer here, not %r"
                            % self.typecode)
        return memoryview(self._a)

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self.typecode)
            r._a = self._a[i]
            return r
        try:
            return self._a[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v.typecode != self.typecode:
                raise TypeError('bad argument type for built-in operation')
            self._a[i] = v._a
            return
        v = _check(self.typecode, v)
        try:
            self._a[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._a[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        r = array(self.typecode)
        r._a = self._a + other._a
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        r = array(self.typecode)
        r._a = self._a * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._a *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items() >= other._items()

    __hash__ = None

    def __repr__(self):
        if not self._a:
            return 'array(%r)' % self.typecode
        if self.typecode == 'u':
            return 'array(%r, %r)' % (self.typecode, ''.join(self._a))
        return 'array(%r, %r)' % (self.typecode, self._items())

    def __copy__(self):
        return array(self.typecode, self)

    def __deepcopy__(self, memo):
        return array(self.typecode, self)


ArrayType = array
