"""re: regular expressions with CPython 3.11's syntax and results (Tollbooth's frozen module).

The parser and the backtracking matcher are _re (interp/modules/mod_re.c); this layer gives
CPython's API: compile, match, search, fullmatch, findall, finditer, sub, subn, split, escape,
purge, the flags (plain ints here: repr(re.I) is 2, not re.IGNORECASE), Pattern and Match
objects and error (msg, pattern, pos, lineno, colno).
"""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I",
           "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
           "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

NOFLAG = 0
A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
U = UNICODE = 32
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64
T = TEMPLATE = 1
DEBUG = 128
RegexFlag = int

_FLAG_NAMES = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'),
               (8, 'MULTILINE'), (16, 'DOTALL'), (64, 'VERBOSE'), (1, 'TEMPLATE'), (128, 'DEBUG')]
_MAXSIZE = 9223372036854775807


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


error.__module__ = 're'


def _flag_text(flags):
    parts = []
    for v, name in _FLAG_NAMES:
        if flags & v:
            parts.append('re.' + name)
            flags &= ~v
    if flags:
        parts.append(hex(flags))
    return '|'.join(parts)


class Match:
    def __init__(self, pattern, string, pos, endpos, slots):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._slots = slots
        last = slots[-1]
        if last < 0:
            last = None
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, idx in pattern.groupindex.items():
                if idx == last:
                    self.lastgroup = name

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or type(g) is bool:
            if 0 <= g <= self.re.groups:
                return int(g)
            raise IndexError('no such group')
        if isinstance(g, str):
            idx = self.re.groupindex.get(g)
            if idx is not None:
                return idx
        raise IndexError('no such group')

    def _get(self, g, default=None):
        i = self._index(g)
        s, e = self._slots[2 * i], self._slots[2 * i + 1]
        if s < 0:
            return default
        return self.string[s:e]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(args[0])
        return tuple(self._get(g) for g in args)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        d = {}
        for name, idx in self.re.groupindex.items():
            d[name] = self._get(idx, default)
        return d

    def start(self, group=0):
        return self._slots[2 * self._index(group)]

    def end(self, group=0):
        return self._slots[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._slots[2 * i], self._slots[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._slots[2 * i], self._slots[2 * i + 1]) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(self.re, template, self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Pattern:
    def __init__(self, pattern, flags):
        try:
            self._prog = _re.compile(pattern, flags)
        except ValueError as e:
            raise error(e.args[0], pattern, e.args[1]) from None
        self.pattern = pattern
        self.flags = self._prog.flags
        self.groups = self._prog.groups
        self.groupindex = self._prog.groupindex

    def _check(self, string):
        if isinstance(self.pattern, str):
            if not isinstance(string, str):
                raise TypeError('cannot use a string pattern on a bytes-like object')
            return string
        if isinstance(string, str):
            raise TypeError('cannot use a bytes pattern on a string-like object')
        if isinstance(string, bytearray):
            return bytes(string)
        if not isinstance(string, bytes):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        return string

    def _run(self, string, pos, endpos, mode):
        s = self._check(string)
        slots = self._prog.match(s, pos, endpos, mode)
        if slots is None:
            return None
        n = len(s)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        return Match(self, string, min(pos, n), max(endpos, 0), slots)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, count=0):
        return self._prog.scan(self._check(string), pos, endpos, count)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        n = len(string)
        p = min(max(pos, 0), n)
        e = min(max(endpos, 0), n)
        return iter([Match(self, string, p, e, sl) for sl in self._scan(string, pos, endpos)])

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        g = self.groups
        for sl in self._scan(string, pos, endpos):
            if g == 0:
                out.append(string[sl[0]:sl[1]])
            elif g == 1:
                out.append(string[sl[2]:sl[3]] if sl[2] >= 0 else string[:0])
            else:
                out.append(tuple(string[sl[2 * i]:sl[2 * i + 1]] if sl[2 * i] >= 0 else string[:0]
                                 for i in range(1, g + 1)))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        g = self.groups
        if maxsplit < 0:
            return [string]
        for sl in self._scan(string, 0, _MAXSIZE, maxsplit):
            out.append(string[last:sl[0]])
            for i in range(1, g + 1):
                out.append(string[sl[2 * i]:sl[2 * i + 1]] if sl[2 * i] >= 0 else None)
            last = sl[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        s = self._check(string)
        if callable(repl):
            fn = repl
            literal = None
        else:
            self._check(repl)
            literal = _compile_template(self, repl)
            fn = None
        pieces = []
        last = 0
        n = 0
        if count < 0:
            return string, 0
        for sl in self._prog.scan(s, 0, _MAXSIZE, count):
            pieces.append(string[last:sl[0]])
            m = Match(self, string, 0, len(string), sl)
            if fn is not None:
                r = fn(m)
                if r:
                    pieces.append(r)
            else:
                pieces.append(_apply_template(literal, m, string[:0]))
            last = sl[1]
            n += 1
        pieces.append(string[last:])
        return string[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        r = repr(self.pattern)
        if len(r) > 200:
            r = r[:200]
        f = self.flags
        if isinstance(self.pattern, str):
            f &= ~UNICODE
        if f:
            return 're.compile(%s, %s)' % (r, _flag_text(f))
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---- replacement templates --------------------------------------------------------------------
_TEMPLATE_ESC = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
                 '\\': '\\'}
_ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_DIGITS = '0123456789'
_OCT = '01234567'


def _compile_template(pattern, repl):
    """A list of str/bytes pieces and group numbers."""
    is_bytes = not isinstance(repl, str)
    s = ''.join(map(chr, repl)) if is_bytes else repl
    out = []
    lit = []
    i = 0
    n = len(s)
    groups = pattern.groups
    while i < n:
        c = s[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, start)
        c = s[i]
        i += 1
        if c == 'g':
            if i >= n or s[i] != '<':
                raise error('missing <', repl, i)
            j = s.find('>', i + 1)
            if j < 0:
                raise error('missing >, unterminated name', repl, i + 1)
            name = s[i + 1:j]
            if not name:
                raise error('missing group name', repl, i + 1)
            if name.isdigit() and name.isascii():
                idx = int(name)
                if idx > groups:
                    raise error('invalid group reference %d' % idx, repl, i + 1)
            elif name.isidentifier():
                idx = pattern.groupindex.get(name)
                if idx is None:
                    raise IndexError('unknown group name %r' % name)
            else:
                raise error('bad character in group name %r' % name, repl, i + 1)
            i = j + 1
            out.append(''.join(lit))
            lit = []
            out.append(idx)
        elif c == '0':
            v = 0
            k = 0
            while k < 2 and i < n and s[i] in _OCT:
                v = v * 8 + int(s[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif c in _DIGITS:
            if (c in _OCT and i + 1 < n and s[i] in _OCT and s[i + 1] in _OCT):
                v = int(c + s[i] + s[i + 1], 8)
                if v > 0o377:
                    raise error('octal escape value \\%s outside of range 0-0o377'
                                % (c + s[i] + s[i + 1]), repl, start)
                lit.append(chr(v))
                i += 2
                continue
            idx = int(c)
            if i < n and s[i] in _DIGITS:
                idx = idx * 10 + int(s[i])
                i += 1
            if idx > groups:
                raise error('invalid group reference %d' % idx, repl, start + 1)
            out.append(''.join(lit))
            lit = []
            out.append(idx)
        elif c in _TEMPLATE_ESC:
            lit.append(_TEMPLATE_ESC[c])
        elif c in _ASCII_LETTERS:
            raise error('bad escape %s' % ('\\' + c), repl, start)
        else:
            lit.append('\\' + c)
    out.append(''.join(lit))
    if is_bytes:
        out = [bytes(map(ord, p)) if isinstance(p, str) else p for p in out]
    return out


def _apply_template(pieces, m, empty):
    out = []
    for p in pieces:
        if isinstance(p, int):
            v = m._get(p)
            if v is not None:
                out.append(v)
        else:
            out.append(p)
    return empty.join(out)


def _expand(pattern, template, m):
    return _apply_template(_compile_template(pattern, template), m, template[:0])


# ---- the module functions ---------------------------------------------------------------------
_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | T)


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    s = ''.join(map(chr, pattern))
    return bytes(map(ord, ''.join('\\' + c if c in _SPECIAL else c for c in s)))
