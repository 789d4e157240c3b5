"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, as CPython 3.11's (Tollbooth's
frozen module).

With metaclass support in the class machinery, EnumType is the metaclass, as in CPython: members
are made when the class is, and the class iterates (`for c in Color`), has a len, `in`,
Color(value), Color['NAME'], __members__, and refuses to rebind members. Where `class X(metaclass=
M)` is not available yet, enum falls back to a hook on builtins.__build_class__ that turns the
namespace into members after the class is made: lookup by value and name, name/value, reprs,
auto() and aliases work; iterating over the class, len() and `in` need the metaclass.
"""

import builtins as _builtins

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto',
           'unique', 'ReprEnum']


class auto:
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__') or
            isinstance(obj, (staticmethod, classmethod, property)) or callable(obj) and
            type(obj).__name__ in ('function', 'builtin_function_or_method'))


def _member_items(ns):
    """The (name, value) pairs of a class namespace that become members, in order."""
    out = []
    for k, v in ns.items():
        if _is_dunder(k) or _is_sunder(k) or _is_descriptor(v) or isinstance(v, type):
            continue
        if k.startswith('_%s__' % ns.get('__qualname__', '')):
            continue
        out.append((k, v))
    return out


def _get(m, attr):
    """A member's _name_ or _value_ (kept beside the class when the member has no __dict__, as
    int and str subclass instances may not)."""
    try:
        return object.__getattribute__(m, attr)
    except AttributeError:
        info = type(m).__dict__.get('_info_')
        if info is not None and id(m) in info and attr in info[id(m)]:
            return info[id(m)][attr]
        for klass in type(m).__mro__:
            info = klass.__dict__.get('_info_')
            if info is not None and id(m) in info and attr in info[id(m)]:
                return info[id(m)][attr]
        raise


def _set(m, attr, value):
    try:
        object.__setattr__(m, attr, value)
    except (AttributeError, TypeError):
        cls = type(m)
        info = cls.__dict__.get('_info_')
        if info is None:
            info = {}
            type.__setattr__(cls, '_info_', info)
        info.setdefault(id(m), {})[attr] = value


def _has(m, attr):
    try:
        _get(m, attr)
        return True
    except AttributeError:
        return False


def _finalize(cls, items, setter):
    """Make the members of enum class cls from (name, value) pairs."""
    member_type = getattr(cls, '_member_type_', object)
    cls._member_names_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    last_values = []
    gen = getattr(cls, '_generate_next_value_')
    for name, value in items:
        if isinstance(value, auto):
            if value.value is None:
                value.value = gen(name, 1, len(cls._member_names_), last_values[:])
            value = value.value
        args = value if isinstance(value, tuple) else (value,)
        if member_type is object:
            member = object.__new__(cls)
        elif _HAVE_META:
            member = member_type.__new__(cls, *args)
        else:
            member = cls(*args)      # no value-lookup __new__ on this path
        if not _has(member, '_value_'):
            _set(member, '_value_', value if member_type is object else member_type(*args))
        init = cls.__dict__.get('__init__') or getattr(cls, '__init__', None)
        if init is not None and init is not _enum_init and init is not object.__init__:
            try:
                init(member, *args)
            except TypeError:
                init(member, value)
        _set(member, '_name_', name)
        canonical = None
        for m in cls._member_map_.values():
            if _get(m, '_value_') == _get(member, '_value_'):
                canonical = m
                break
        if canonical is not None:
            member = canonical
        else:
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(_get(member, '_value_'), member)
        except TypeError:
            pass
        last_values.append(value)
        setter(cls, name, member)
    if not _HAVE_META:
        cls.__members__ = dict(cls._member_map_)
    return cls


# ---- the members' behaviour (one namespace, used by both ways of making the classes) -----------
def _enum_new(cls, value):
    if type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except (KeyError, TypeError):
        for m in cls._member_map_.values():
            if _get(m, '_value_') == value:
                return m
    r = cls._missing_(value)
    if isinstance(r, cls):
        return r
    raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))


def _enum_init(self, *args, **kwds):
    pass


def _enum_repr(self):
    v_repr = self.__class__._value_repr_ or repr
    return '<%s.%s: %s>' % (self.__class__.__name__, _get(self, '_name_'), v_repr(_get(self, '_value_')))


def _enum_str(self):
    return '%s.%s' % (self.__class__.__name__, _get(self, '_name_'))


def _enum_format(self, spec):
    return format(str(self), spec)


def _enum_hash(self):
    return hash(_get(self, '_name_'))


def _enum_reduce_ex(self, proto):
    return self.__class__, (_get(self, '_value_'),)


def _enum_dir(self):
    return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']


class _Prop:
    """name and value: read-only properties of members."""

    def __init__(self, attr):
        self.attr = attr

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return _get(obj, self.attr)

    def __set__(self, obj, value):
        raise AttributeError("<enum %r> cannot set attribute %r" % (type(obj).__name__, self.attr[1:-1]))


def _gen_next_value(name, start, count, last_values):
    if not last_values:
        return start
    try:
        last = sorted(last_values)[-1] if False else last_values[-1]
        return last + 1
    except TypeError:
        raise TypeError('unable to sort non-numeric values') from None


def _missing(cls, value):
    return None


_ENUM_NS = {
    '__new__': _enum_new, '__init__': _enum_init, '__repr__': _enum_repr, '__str__': _enum_str,
    '__format__': _enum_format, '__hash__': _enum_hash, '__reduce_ex__': _enum_reduce_ex,
    '__dir__': _enum_dir, 'name': _Prop('_name_'), 'value': _Prop('_value_'),
    '_generate_next_value_': staticmethod(_gen_next_value), '_missing_': classmethod(_missing),
    '_value_repr_': None, '_member_type_': object,
    '__doc__': None,
}


# ---- the metaclass ------------------------------------------------------------------------------
class EnumType(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        is_enum = any(isinstance(b, EnumType) for b in bases)
        if not is_enum:            # Enum itself: no members, but the tables its subclasses read
            return _finalize(super().__new__(metacls, cls, bases, classdict, **kwds), [], type.__setattr__)
        for b in bases:
            if isinstance(b, EnumType) and getattr(b, '_member_names_', None):
                raise TypeError('%s: cannot extend %r' % (cls, b))
        items = _member_items(classdict)
        ns = {k: v for k, v in classdict.items() if k not in dict(items)}
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        return _finalize(enum_class, items, type.__setattr__)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new__(cls, value)
        return _functional(cls, value, names, module, type, start)

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        return member in cls._value2member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        flag = globals().get('Flag')
        return "<%s %r>" % ('flag' if flag is not None and issubclass(cls, flag) else 'enum', cls.__name__)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('%r cannot delete member %r.' % (cls, attr))
        super().__delattr__(attr)


EnumMeta = EnumType


def _functional(cls, class_name, names, module, type_, start):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    items = []
    if names and isinstance(names[0], str) if isinstance(names, (list, tuple)) else False:
        for i, n in enumerate(names):
            items.append((n, start + i))
    elif isinstance(names, dict):
        items = list(names.items())
    else:
        items = [tuple(p) for p in names]
    bases = (cls,) if type_ is None else (type_, cls)
    ns = dict(items)
    ns['__module__'] = module or '__main__'
    if _HAVE_META:
        return EnumType.__new__(EnumType, class_name, bases, ns)
    c = _builtins.type(class_name, bases, {'__module__': ns['__module__']})
    return _finalize(c, items, setattr)


def _probe_metaclass():
    try:
        ns = {}
        exec('class _M(type):\n    pass\nclass _C(metaclass=_M):\n    pass\nclass _D(_C):\n    pass\n'
             'ok = type(_D) is _M', ns)
        return ns['ok']
    except Exception:
        return False


_HAVE_META = _probe_metaclass()
if not _HAVE_META:
    def _class_getitem(cls, name):
        return cls._member_map_[name]
    _ENUM_NS['__class_getitem__'] = _class_getitem


def _make(name, bases, extra):
    # Each base enum holds the table (CPython's EnumType puts Enum's __repr__, __str__, __format__
    # and __reduce_ex__ before a mixed-in type's), but __hash__ only Enum: IntEnum members hash
    # as their int (int.__hash__ comes before Enum's in the MRO), as in CPython.
    ns = dict(_ENUM_NS)
    if bases:
        del ns['__hash__']
    ns.update(extra)
    ns['__module__'] = 'enum'
    ns['__qualname__'] = name
    if _HAVE_META:
        return EnumType(name, bases, ns)
    return type(name, bases, ns)


Enum = _make('Enum', (), {})
ReprEnum = _make('ReprEnum', (Enum,), {}) if _HAVE_META else Enum


def _int_str(self):
    return repr(int(self))


def _int_format(self, spec):
    return format(int(self), spec)


def _str_str(self):
    return str.__str__(self)


def _str_gen(name, start, count, last_values):
    return name.lower()


if _HAVE_META:
    IntEnum = _make('IntEnum', (int, ReprEnum), {'_member_type_': int, '__str__': _int_str,
                                                 '__format__': _int_format})
    StrEnum = _make('StrEnum', (str, ReprEnum), {'_member_type_': str, '__str__': _str_str,
                                                 '__format__': lambda self, spec: format(str.__str__(self), spec),
                                                 '_generate_next_value_': staticmethod(_str_gen)})
else:
    # No multiple inheritance or int subclass construction either: IntEnum members are Enum
    # members that behave as their int value in arithmetic, comparisons, hashing and format.
    def _v(x):
        return x._value_ if isinstance(x, Enum) else x

    _OPS = {'__eq__': lambda a, b: a == b, '__ne__': lambda a, b: a != b,
            '__lt__': lambda a, b: a < b, '__le__': lambda a, b: a <= b,
            '__gt__': lambda a, b: a > b, '__ge__': lambda a, b: a >= b,
            '__add__': lambda a, b: a + b, '__radd__': lambda a, b: b + a,
            '__sub__': lambda a, b: a - b, '__rsub__': lambda a, b: b - a,
            '__mul__': lambda a, b: a * b, '__rmul__': lambda a, b: b * a,
            '__floordiv__': lambda a, b: a // b, '__rfloordiv__': lambda a, b: b // a,
            '__truediv__': lambda a, b: a / b, '__rtruediv__': lambda a, b: b / a,
            '__mod__': lambda a, b: a % b, '__rmod__': lambda a, b: b % a,
            '__pow__': lambda a, b: a ** b, '__and__': lambda a, b: a & b,
            '__rand__': lambda a, b: b & a, '__or__': lambda a, b: a | b,
            '__ror__': lambda a, b: b | a, '__xor__': lambda a, b: a ^ b,
            '__rxor__': lambda a, b: b ^ a, '__lshift__': lambda a, b: a << b,
            '__rshift__': lambda a, b: a >> b}

    def _binop(name):
        op = _OPS[name]
        return lambda self, other: op(self._value_, _v(other))

    _ins = {'_member_type_': object, '__str__': lambda self: repr(self._value_),
            '__format__': lambda self, spec: format(self._value_, spec),
            '__int__': lambda self: self._value_, '__index__': lambda self: self._value_,
            '__float__': lambda self: float(self._value_), '__bool__': lambda self: bool(self._value_),
            '__hash__': lambda self: hash(self._value_), '__neg__': lambda self: -self._value_,
            '__abs__': lambda self: abs(self._value_), '__module__': 'enum', '__qualname__': 'IntEnum'}
    for _n in ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__add__', '__radd__',
               '__sub__', '__rsub__', '__mul__', '__rmul__', '__floordiv__', '__rfloordiv__',
               '__truediv__', '__rtruediv__', '__mod__', '__rmod__', '__pow__', '__and__',
               '__rand__', '__or__', '__ror__', '__xor__', '__rxor__', '__lshift__', '__rshift__'):
        _ins[_n] = _binop(_n)
    IntEnum = type('IntEnum', (Enum,), _ins)
    _sns = {'__str__': lambda self: self._value_,
            '__format__': lambda self, spec: format(self._value_, spec),
            '__eq__': _binop('__eq__'), '__ne__': _binop('__ne__'), '__lt__': _binop('__lt__'),
            '__hash__': lambda self: hash(self._value_), '__len__': lambda self: len(self._value_),
            '__add__': _binop('__add__'), '_generate_next_value_': staticmethod(_str_gen),
            '__getattr__': lambda self, name: getattr(self._value_, name),
            '__module__': 'enum', '__qualname__': 'StrEnum'}
    StrEnum = type('StrEnum', (Enum,), _sns)


def _flag_gen(name, start, count, last_values):
    if not count:
        return start if start is not None else 1
    high = max(last_values)
    return 2 ** (high.bit_length())


def _flag_or(self, other):
    cls = self.__class__
    if not isinstance(other, cls):
        return NotImplemented
    return cls(_get(self, '_value_') | _get(other, '_value_'))


def _flag_and(self, other):
    cls = self.__class__
    if not isinstance(other, cls):
        return NotImplemented
    return cls(_get(self, '_value_') & _get(other, '_value_'))


def _flag_xor(self, other):
    cls = self.__class__
    if not isinstance(other, cls):
        return NotImplemented
    return cls(_get(self, '_value_') ^ _get(other, '_value_'))


def _flag_contains(self, other):
    return _get(other, '_value_') & _get(self, '_value_') == _get(other, '_value_')


def _flag_bool(self):
    return bool(_get(self, '_value_'))


def _flag_mask(cls):
    known = 0
    for m in cls._member_map_.values():
        known |= _get(m, '_value_')
    return known


def _flag_singles(cls, value):
    """The members of one bit inside value, by value (CPython 3.11's _iter_member_by_value_)."""
    ms = [m for m in cls._member_map_.values()
          if _get(m, '_value_') > 0 and _get(m, '_value_') & (_get(m, '_value_') - 1) == 0
          and _get(m, '_value_') & value]
    seen, out = set(), []
    for m in sorted(ms, key=lambda m: _get(m, '_value_')):
        if _get(m, '_value_') not in seen:
            seen.add(_get(m, '_value_'))
            out.append(m)
    return out


def bin(num, max_bits=None):
    """Like built-in bin(), with the sign as a separate group: bin(10, 8) is '0b0 00001010'."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = _builtins.bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtins.bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = s[:3], s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


def _flag_missing(cls, value):
    if not isinstance(value, int):
        return None
    known = _flag_mask(cls)
    if value & ~known:
        # the default boundary, STRICT: CPython's message with the bits given and allowed
        bits = max(value.bit_length(), known.bit_length())
        raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                         % (cls, value, bin(value, bits), bin(known, bits)))
    pseudo = object.__new__(cls)
    _set(pseudo, '_value_', value)
    names = [_get(m, '_name_') for m in _flag_singles(cls, value)]
    _set(pseudo, '_name_', '|'.join(names) if names else None)
    cls._value2member_map_[value] = pseudo
    return pseudo


def _flag_invert(self):
    cls = self.__class__
    return cls(_flag_mask(cls) & ~_get(self, '_value_'))


def _flag_iter(self):
    return iter(_flag_singles(self.__class__, _get(self, '_value_')))


def _flag_len(self):
    return _builtins.bin(_get(self, '_value_')).count('1')


def _flag_repr(self):
    if _get(self, '_name_') is None:
        return '<%s: %r>' % (self.__class__.__name__, _get(self, '_value_'))
    return '<%s.%s: %r>' % (self.__class__.__name__, _get(self, '_name_'), _get(self, '_value_'))


def _flag_str(self):
    if _get(self, '_name_') is None:
        return '%s(%r)' % (self.__class__.__name__, _get(self, '_value_'))
    return '%s.%s' % (self.__class__.__name__, _get(self, '_name_'))


Flag = _make('Flag', (Enum,) if _HAVE_META else (), {
    '__or__': _flag_or, '__and__': _flag_and, '__xor__': _flag_xor, '__contains__': _flag_contains,
    '__bool__': _flag_bool, '_missing_': classmethod(_flag_missing), '__repr__': _flag_repr,
    '__invert__': _flag_invert, '__iter__': _flag_iter, '__len__': _flag_len,
    '__str__': _flag_str, '_generate_next_value_': staticmethod(_flag_gen)})
def _intflag_missing(cls, value):
    # IntFlag's boundary is KEEP: any int is a value; bits no member has are named by number
    # (<I.A|8: 9>), and a negative value counts from the members' bit width (~I.A)
    if not isinstance(value, int):
        return None
    mask = _flag_mask(cls)
    if value < 0:
        value = 2 ** mask.bit_length() + value
        if value < 0:
            return None
        if value in cls._value2member_map_:
            return cls._value2member_map_[value]
    pseudo = int.__new__(cls, value)
    _set(pseudo, '_value_', value)
    names = [_get(m, '_name_') for m in _flag_singles(cls, value)]
    if value & ~mask and names:          # CPython: <I.A|8: 9>, but <I: 8>
        names.append(str(value & ~mask))
    _set(pseudo, '_name_', '|'.join(names) if names else None)
    cls._value2member_map_[value] = pseudo
    return pseudo


def _intflag_op(op):
    def f(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(op(_get(self, '_value_'), int(other)))
    return f


def _intflag_invert(self):
    return self.__class__(~_get(self, '_value_'))


if _HAVE_META:
    # Flag's behaviour named here again: _make gives each class the plain Enum defaults, which
    # would otherwise shadow Flag's (int comes first in the bases)
    IntFlag = _make('IntFlag', (int, ReprEnum, Flag), {
        '_member_type_': int, '__str__': _int_str, '__format__': _int_format,
        '__hash__': lambda self: hash(_get(self, '_value_')),
        '_generate_next_value_': staticmethod(_flag_gen), '_missing_': classmethod(_intflag_missing),
        '__repr__': _flag_repr, '__contains__': _flag_contains, '__bool__': _flag_bool,
        '__iter__': _flag_iter, '__len__': _flag_len, '__invert__': _intflag_invert,
        '__or__': _intflag_op(lambda a, b: a | b), '__ror__': _intflag_op(lambda a, b: b | a),
        '__and__': _intflag_op(lambda a, b: a & b), '__rand__': _intflag_op(lambda a, b: b & a),
        '__xor__': _intflag_op(lambda a, b: a ^ b), '__rxor__': _intflag_op(lambda a, b: b ^ a)})
else:
    IntFlag = IntEnum


def unique(enumeration):
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != _get(member, '_name_'):
            duplicates.append((name, _get(member, '_name_')))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in <enum %r>: %s" % (enumeration.__name__, alias_details))
    return enumeration


# ---- without metaclasses: make the members when the class statement ends ------------------------
if not _HAVE_META:
    _orig_build_class = _builtins.__build_class__
    _ENUM_BASES = (Enum, IntEnum, StrEnum, Flag)

    def _build_class(func, name, *bases, **kwds):
        cls = _orig_build_class(func, name, *bases, **kwds)
        for b in bases:
            if isinstance(b, type) and issubclass(b, _ENUM_BASES):
                if getattr(b, '_member_names_', None):
                    raise TypeError('%s: cannot extend %r' % (name, b))
                items = _member_items(dict(cls.__dict__))
                return _finalize(cls, items, setattr)
        return cls

    _builtins.__build_class__ = _build_class
