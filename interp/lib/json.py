"""json: JSON encoding and decoding as CPython 3.11's json module does it (Tollbooth's frozen module).

dumps/dump (skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators,
default, sort_keys), loads/load (cls, object_hook, parse_float, parse_int, parse_constant,
object_pairs_hook), JSONEncoder, JSONDecoder, JSONDecodeError (msg, doc, pos, lineno, colno),
with CPython's output and error messages. Both directions recurse in Python, so a document
nested deeper than the recursion limit raises RecursionError, as in CPython.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_INF = float('inf')


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---- encoding -----------------------------------------------------------------------------------
_ESC = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    start = 0
    i = 0
    n = len(s)
    for c in s:
        o = ord(c)
        if o >= 0x20 and o < 0x7f and c != '"' and c != '\\':
            i += 1
            continue
        if o >= 0x7f and not ensure_ascii:
            i += 1
            continue
        if start < i:
            out.append(s[start:i])
        e = _ESC.get(c)
        if e is None:
            if o < 0x10000:
                e = '\\u%04x' % o
            else:
                o -= 0x10000
                e = '\\u%04x\\u%04x' % (0xd800 | (o >> 10), 0xdc00 | (o & 0x3ff))
        out.append(e)
        i += 1
        start = i
    if start == 0 and n:
        return '"' + s + '"'
    if start < n:
        out.append(s[start:])
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        chunks = []
        self._enc(o, chunks, 0, {} if self.check_circular else None)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INF:
            text = 'Infinity'
        elif o == -_INF:
            text = '-Infinity'
        else:
            return repr(float(o))
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def _enc(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(repr(int(o)))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._enc_list(o, out, level, markers)
        elif isinstance(o, dict):
            self._enc_dict(o, out, level, markers)
        else:
            if markers is not None:
                mid = id(o)
                if mid in markers:
                    raise ValueError('Circular reference detected')
                markers[mid] = o
            self._enc(self.default(o), out, level, markers)
            if markers is not None:
                del markers[mid]

    def _newline(self, level):
        ind = self.indent
        if not isinstance(ind, str):
            ind = ' ' * ind
        return '\n' + ind * level

    def _enc_list(self, lst, out, level, markers):
        if not lst:
            out.append('[]')
            return
        if markers is not None:
            mid = id(lst)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = lst
        out.append('[')
        if self.indent is not None:
            level += 1
            nl = self._newline(level)
            sep = self.item_separator + nl
            out.append(nl)
        else:
            nl = None
            sep = self.item_separator
        first = True
        for v in lst:
            if first:
                first = False
            else:
                out.append(sep)
            self._enc(v, out, level, markers)
        if nl is not None:
            out.append(self._newline(level - 1))
        out.append(']')
        if markers is not None:
            del markers[mid]

    def _enc_dict(self, dct, out, level, markers):
        if not dct:
            out.append('{}')
            return
        if markers is not None:
            mid = id(dct)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = dct
        out.append('{')
        if self.indent is not None:
            level += 1
            nl = self._newline(level)
            sep = self.item_separator + nl
            out.append(nl)
        else:
            nl = None
            sep = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = self._float(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = repr(int(k))
            elif self.skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not %s'
                                % k.__class__.__name__)
            if first:
                first = False
            else:
                out.append(sep)
            out.append(_encode_str(k, self.ensure_ascii))
            out.append(self.key_separator)
            self._enc(v, out, level, markers)
        if nl is not None:
            out.append(self._newline(level - 1))
        out.append('}')
        if markers is not None:
            del markers[mid]


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and
            indent is None and separators is None and default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---- decoding -----------------------------------------------------------------------------------
_WS = ' \t\n\r'
_DIGITS = '0123456789'
_UNESC = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


def _skip(s, i, n):
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, pos, esc_at):
    h = s[pos:pos + 4]
    if len(h) == 4 and h[0] in _HEX and h[1] in _HEX and h[2] in _HEX and h[3] in _HEX:
        if h[0] not in 'xX' and h[1] not in 'xX':
            return int(h, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, esc_at)


def _scanstring(s, end, strict=True):
    """s[end-1] is the opening quote: (the decoded string, the index after the closing quote)."""
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        q = s.find('"', end)
        b = s.find('\\', end, q if q >= 0 else n)
        stop = b if b >= 0 else q
        if stop < 0:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        piece = s[end:stop]
        if strict:
            for j in range(len(piece)):
                if piece[j] < ' ':
                    raise JSONDecodeError('Invalid control character at', s, end + j)
        chunks.append(piece)
        if stop == q:
            return ''.join(chunks), q + 1
        end = b + 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            c = _UNESC.get(esc)
            if c is None:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            chunks.append(c)
            end += 1
            continue
        uni = _hex4(s, end + 1, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _hex4(s, end + 2, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        n = len(s)
        obj, end = self.raw_decode(s, _skip(s, 0, n))
        end = _skip(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return self._value(s, idx, len(s))

    def _number(self, s, i, n):
        start = i
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            return None, start
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def _value(self, s, i, n):
        if i >= n:
            raise JSONDecodeError('Expecting value', s, i)
        c = s[i]
        if c == '"':
            return _scanstring(s, i + 1, self.strict)
        if c == '{':
            return self._object(s, i + 1, n)
        if c == '[':
            return self._array(s, i + 1, n)
        if c == 'n' and s[i:i + 4] == 'null':
            return None, i + 4
        if c == 't' and s[i:i + 4] == 'true':
            return True, i + 4
        if c == 'f' and s[i:i + 5] == 'false':
            return False, i + 5
        if c == 'N' and s[i:i + 3] == 'NaN':
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s[i:i + 8] == 'Infinity':
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s[i:i + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), i + 9
        v, end = self._number(s, i, n)
        if end == i:
            raise JSONDecodeError('Expecting value', s, i)
        return v, end

    def _array(self, s, i, n):
        values = []
        i = _skip(s, i, n)
        if i < n and s[i] == ']':
            return values, i + 1
        while True:
            v, i = self._value(s, i, n)
            values.append(v)
            i = _skip(s, i, n)
            if i < n and s[i] == ']':
                return values, i + 1
            if i >= n or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1, n)

    def _object(self, s, i, n):
        pairs = []
        i = _skip(s, i, n)
        if i < n and s[i] == '}':
            i += 1
        else:
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
                key, i = _scanstring(s, i + 1, self.strict)
                i = _skip(s, i, n)
                if i >= n or s[i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip(s, i + 1, n)
                v, i = self._value(s, i, n)
                pairs.append((key, v))
                i = _skip(s, i, n)
                if i < n and s[i] == '}':
                    i += 1
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip(s, i + 1, n)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        d = dict(pairs)
        if self.object_hook is not None:
            d = self.object_hook(d)
        return d, i


_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}
_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                            % s.__class__.__name__)
        s = bytes(s)
        if s.startswith(b'\xef\xbb\xbf'):
            s = s[3:]
        s = s.decode('utf-8')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
