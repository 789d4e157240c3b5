"""collections: deque, namedtuple, defaultdict, OrderedDict, Counter, ChainMap (Tollbooth's frozen
module, written for CPython 3.11's results, exceptions and reprs).

deque subclasses the C ring buffer _collections._deque (interp/modules/mod_collections.c):
append, appendleft, pop, popleft, extend, rotate, clear, len, d[i] and iteration are C and
atomic under every GIL policy, as in CPython; the rarer methods (insert, remove, index, reverse,
comparisons, repr, + and *) are Python over a snapshot and are not atomic.

namedtuple classes subclass tuple where the interpreter allows it; otherwise they are classes
holding a tuple (`_tuple`) that behave like one (indexing, unpacking, comparison, hashing, ==
with plain tuples), but isinstance(p, tuple) is False.
"""

import sys as _sys
from _collections import _deque


def _repr_dict(d):
    # the dict display of a dict subclass, without calling the subclass's __repr__
    return repr(dict(d))


# ---- deque ----------------------------------------------------------------------------------

class deque(_deque):
    """deque([iterable[, maxlen]]) --> deque object: a list-like sequence optimized for data
    accesses near its endpoints."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._setmaxlen(maxlen)
        self.clear()
        if iterable is not self:
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._getmaxlen()

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")

    def copy(self):
        return self.__class__(self._snapshot(), self.maxlen)

    __copy__ = copy

    def __reduce_ex__(self, protocol):
        return (self.__class__, (self._snapshot(), self.maxlen))

    def count(self, x):
        return self._snapshot().count(x)

    def index(self, x, start=0, stop=None):
        items = self._snapshot()
        if stop is None:
            stop = len(items)
        try:
            return items.index(x, start, stop)
        except ValueError:
            raise ValueError("%r is not in deque" % (x,)) from None

    def insert(self, i, x):
        m = self.maxlen
        if m is not None and len(self) >= m:
            raise IndexError("deque already at its maximum size")
        items = self._snapshot()
        items.insert(i, x)
        self._assign(items)

    def remove(self, value):
        items = self._snapshot()
        try:
            items.remove(value)
        except ValueError:
            raise ValueError("%r is not in deque" % (value,)) from None
        self._assign(items)

    def reverse(self):
        items = self._snapshot()
        items.reverse()
        self._assign(items)

    def __repr__(self):
        if getattr(self, '_in_repr', False):
            return '[...]'
        self._in_repr = True
        try:
            body = repr(self._snapshot())
        finally:
            self._in_repr = False
        name = type(self).__name__
        if self.maxlen is None:
            return '%s(%s)' % (name, body)
        return '%s(%s, maxlen=%d)' % (name, body, self.maxlen)

    def _cmp(self, other):
        if not isinstance(other, deque):
            return None
        return self._snapshot(), other._snapshot()

    def __eq__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] >= p[1]

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return self.__class__(self._snapshot() + other._snapshot(), self.maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return self.__class__(self._snapshot() * n, self.maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._snapshot() * n
        if self.maxlen is not None and len(items) > self.maxlen:
            items = items[len(items) - self.maxlen:]
        self._assign(items)
        return self


# ---- defaultdict ------------------------------------------------------------------------------

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif isinstance(f, type):
            fr = repr(f)
        else:
            fr = repr(f)
        return '%s(%s, %s)' % (type(self).__name__, fr, _repr_dict(self))

    def copy(self):
        return self.__class__(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new


# ---- OrderedDict ------------------------------------------------------------------------------

class OrderedDict(dict):
    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 arguments, got %d' % len(args))
        dict.__init__(self, *args, **kwargs)

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            key = list(self)[-1]
        else:
            key = next(iter(self))
        value = self.pop(key)
        return key, value

    def __reversed__(self):
        return iter(list(self)[::-1])

    def __repr__(self):
        if not self:
            return '%s()' % (type(self).__name__,)
        return '%s(%r)' % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and list(self) == list(other)
        if isinstance(other, dict):
            return dict(self) == dict(other)
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---- Counter ----------------------------------------------------------------------------------

class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return items
        if n < 0:
            n = 0
        return items[:n]

    def elements(self):
        out = []
        for elem, count in self.items():
            if count > 0:
                out.extend([elem] * count)
        return iter(out)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            d = dict(self.most_common())
            return '%s(%s)' % (type(self).__name__, repr(d))
        except TypeError:
            return '%s(%s)' % (type(self).__name__, _repr_dict(self))

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e, c in self.items():
            if c != other[e]:
                return False
        for e, c in other.items():
            if c != self[e]:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in set(self) | set(other):
            if not self[e] <= other[e]:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in set(self) | set(other):
            if not self[e] >= other[e]:
                return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(item):
    return item[1]


# ---- ChainMap ---------------------------------------------------------------------------------

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join([repr(m) for m in self.maps]))

    def keys(self):
        return list(iter(self))

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: {!r}'.format(key))

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: {!r}'.format(key))

    def clear(self):
        self.maps[0].clear()


# ---- namedtuple -------------------------------------------------------------------------------

def _tuple_subclass_works():
    try:
        class _Probe(tuple):
            def __new__(cls, a, b):
                return tuple.__new__(cls, (a, b))
        p = _Probe(1, 2)
        return isinstance(p, tuple) and p[1] == 2 and len(p) == 2 and type(p) is _Probe
    except Exception:
        return False


_TUPLE_BASE = _tuple_subclass_works()


class _TupleLike:
    """The base of namedtuple classes where tuple cannot be subclassed: a tuple in `_tuple`."""
    __slots__ = ()

    def __setattr__(self, name, value):
        if name in self._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __delattr__(self, name):
        raise AttributeError("can't delete attribute")

    def __len__(self):
        return len(self._tuple)

    def __iter__(self):
        return iter(self._tuple)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._tuple[i]
        return self._tuple[i]

    def __contains__(self, x):
        return x in self._tuple

    def __hash__(self):
        return hash(self._tuple)

    def __reversed__(self):
        return reversed(self._tuple)

    def count(self, x):
        return self._tuple.count(x)

    def index(self, x, *args):
        return self._tuple.index(x, *args)

    def __add__(self, other):
        return self._tuple + tuple(other) if isinstance(other, (tuple, _TupleLike)) else NotImplemented

    def __radd__(self, other):
        return tuple(other) + self._tuple if isinstance(other, tuple) else NotImplemented

    def __mul__(self, n):
        return self._tuple * n

    __rmul__ = __mul__

    def __eq__(self, other):
        if isinstance(other, _TupleLike):
            return self._tuple == other._tuple
        if isinstance(other, tuple):
            return self._tuple == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        if isinstance(other, (tuple, _TupleLike)):
            return self._tuple < tuple(other)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, (tuple, _TupleLike)):
            return self._tuple <= tuple(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, (tuple, _TupleLike)):
            return self._tuple > tuple(other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, (tuple, _TupleLike)):
            return self._tuple >= tuple(other)
        return NotImplemented

    def __copy__(self):
        return self._make(self._tuple)

    def __deepcopy__(self, memo):
        import copy
        return self._make([copy.deepcopy(x, memo) for x in self._tuple])


def _isidentifier_ok(name):
    return isinstance(name, str) and name.isidentifier()


_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
                       'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
                       'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
                       'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith('_')
                    or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)

    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults)))))

    def _bind(cls, args, kwargs):
        # the positional and keyword arguments as one tuple, with Python's call errors
        if len(args) > nfields:
            raise TypeError('%s.__new__() takes %d positional argument%s but %d were given'
                            % (typename, nfields + 1, '' if nfields == 0 else 's', len(args) + 1))
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):]
                           if n not in kwargs and n not in field_defaults]
                if len(missing) == 1:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'"
                                    % (typename, missing[0]))
                listed = ', '.join(["'%s'" % m for m in missing[:-1]]) + " and '%s'" % missing[-1]
                raise TypeError('%s.__new__() missing %d required positional arguments: %s'
                                % (typename, len(missing), listed))
        if kwargs:
            for k in kwargs:
                if k in fields:
                    raise TypeError("%s.__new__() got multiple values for argument '%s'"
                                    % (typename, k))
                raise TypeError("%s.__new__() got an unexpected keyword argument '%s'"
                                % (typename, k))
        return tuple(values)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join(['%s=%r' % (n, v) for n, v in zip(fields, self)]))

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        '__doc__': '%s(%s)' % (typename, ', '.join(fields)),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__module__': module if module is not None else '__main__',
    }

    if _TUPLE_BASE:
        def __new__(cls, *args, **kwargs):
            return tuple.__new__(cls, _bind(cls, args, kwargs))

        def _make(cls, iterable):
            result = tuple.__new__(cls, iterable)
            if len(result) != nfields:
                raise TypeError('Expected %d arguments, got %d' % (nfields, len(result)))
            return result

        ns['__new__'] = __new__
        for index, name in enumerate(fields):
            ns[name] = property(_getter(index), doc='Alias for field number %d' % index)
        base = tuple
    else:
        def __new__(cls, *args, **kwargs):
            self = object.__new__(cls)
            object.__setattr__(self, '_tuple', _bind(cls, args, kwargs))
            return self

        def _make(cls, iterable):
            t = tuple(iterable)
            if len(t) != nfields:
                raise TypeError('Expected %d arguments, got %d' % (nfields, len(t)))
            self = object.__new__(cls)
            object.__setattr__(self, '_tuple', t)
            return self

        ns['__new__'] = __new__
        ns['__slots__'] = ('_tuple',)
        for index, name in enumerate(fields):
            ns[name] = property(_getter(index), doc='Alias for field number %d' % index)
        base = _TupleLike

    ns['_make'] = classmethod(_make)

    def _replace(self, **kwds):
        result = self._make([kwds.pop(n) if n in kwds else v for n, v in zip(fields, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    ns['_replace'] = _replace
    return type(typename, (base,), ns)


def _getter(index):
    def get(self):
        return self[index]
    return get
