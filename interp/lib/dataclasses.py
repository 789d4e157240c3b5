"""dataclasses: the @dataclass decorator and its helpers, as CPython 3.11's (Tollbooth's frozen
module). The generated __init__ is real Python source run through exec, so its signature and
its argument errors are CPython's; __repr__, __eq__, ordering, frozen instances, __hash__ rules,
__post_init__, field(), fields(), asdict(), astuple(), replace(), is_dataclass(),
make_dataclass() and KW_ONLY are here. Fields come from the class's __annotations__.
Not here: slots=True (no __slots__ support), weakref_slot, InitVar pseudo-fields passed to
__post_init__ (they are accepted by __init__ and passed on).
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


FrozenInstanceError.__module__ = 'dataclasses'


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        t = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return 'dataclasses.InitVar[%s]' % t


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = '_FIELD'

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                'compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(ann):
    if isinstance(ann, str):
        return ann.startswith('ClassVar') or ann.startswith('typing.ClassVar')
    name = getattr(ann, '_name', None)
    return name == 'ClassVar' and type(ann).__name__ in ('_Alias', '_SpecialForm')


def _is_initvar(ann):
    return ann is InitVar or isinstance(ann, InitVar) or (isinstance(ann, str) and ann.startswith('InitVar'))


def _type_name(t):
    return t.__name__ if isinstance(t, type) else repr(t)


def _process(cls, init, repr_, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    for b in reversed(cls.__mro__[1:]):
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields:
            for f in base_fields.values():
                fields[f.name] = f
    anns = cls.__dict__.get('__annotations__') or {}
    own = []
    kw_from_here = False
    for name, tp in anns.items():
        if tp is KW_ONLY:
            kw_from_here = True
            continue
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if _is_initvar(tp):
            f._field_type = '_FIELD_INITVAR'
        if f.kw_only is MISSING:
            f.kw_only = kw_only or kw_from_here
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                             % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        own.append(f)
        fields[name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in anns:
            raise TypeError('%r is a field but has no type annotation' % (name,))
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr_, eq, order, unsafe_hash, frozen)
    all_fields = [f for f in fields.values() if f._field_type == '_FIELD']
    init_fields = [f for f in fields.values() if f.init]
    if init:
        _make_init(cls, list(fields.values()), frozen)
    if repr_ and '__repr__' not in cls.__dict__:
        names = [f.name for f in all_fields if f.repr]

        def __repr__(self):
            return '%s(%s)' % (self.__class__.__qualname__,
                               ', '.join('%s=%r' % (n, getattr(self, n)) for n in names))
        __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
        cls.__repr__ = __repr__
    cmp_names = [f.name for f in all_fields if f.compare]

    def _key(self):
        return tuple(getattr(self, n) for n in cmp_names)
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        def _make_cmp(op_name, op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                return NotImplemented
            cmp.__name__ = op_name
            return cmp
        for op_name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                            ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if op_name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (op_name, cls.__name__))
            setattr(cls, op_name, _make_cmp(op_name, op))
    hash_names = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
    has_own_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        if unsafe_hash and has_own_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        if not has_own_hash or unsafe_hash:
            def __hash__(self):
                return hash(tuple(getattr(self, n) for n in hash_names))
            cls.__hash__ = __hash__
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in init_fields if not f.kw_only)
    if not getattr(cls, '__doc__', None):
        parts = []
        for f in fields.values():
            t = '%s: %s' % (f.name, _type_name(f.type))
            if f.default is not MISSING:
                t += ' = %r' % (f.default,)
            elif f.default_factory is not MISSING:
                t += ' = <factory>'
            parts.append(t)
        cls.__doc__ = '%s(%s)' % (cls.__name__, ', '.join(parts))
    if frozen:
        # Assigning __setattr__ to a made class does not reach its instances' attribute
        # stores here, so a frozen dataclass is a subclass that defines them at creation.
        def __setattr__(self, name, value):
            if type(self) is frozen_cls or name in fields:
                raise FrozenInstanceError('cannot assign to field %r' % (name,))
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is frozen_cls or name in fields:
                raise FrozenInstanceError('cannot delete field %r' % (name,))
            object.__delattr__(self, name)
        frozen_cls = type(cls.__name__, (cls,), {
            '__setattr__': __setattr__, '__delattr__': __delattr__,
            '__qualname__': cls.__qualname__, '__module__': cls.__module__,
            '__doc__': cls.__doc__})
        return frozen_cls
    return cls


def _make_init(cls, flds, frozen):
    ns = {'MISSING': MISSING, '__dataclass_builtins_object__': object}
    params = []
    kw_params = []
    body = []
    seen_default = False
    for f in flds:
        if f.init:
            dflt = ''
            if f.default is not MISSING:
                ns['__dataclass_dflt_%s__' % f.name] = f.default
                dflt = '=__dataclass_dflt_%s__' % f.name
            elif f.default_factory is not MISSING:
                dflt = '=__dataclass_HAS_DEFAULT_FACTORY__'
            if f.kw_only:
                kw_params.append(f.name + dflt)
            else:
                if dflt:
                    seen_default = True
                elif seen_default:
                    raise TypeError('non-default argument %r follows default argument' % f.name)
                params.append(f.name + dflt)
        if f._field_type != '_FIELD':
            continue
        if f.default_factory is not MISSING:
            ns['__dataclass_dflt_%s__' % f.name] = f.default_factory
            if f.init:
                value = ('__dataclass_dflt_%s__() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s'
                         % (f.name, f.name, f.name))
            else:
                value = '__dataclass_dflt_%s__()' % f.name
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns['__dataclass_dflt_%s__' % f.name] = f.default
            value = '__dataclass_dflt_%s__' % f.name
        else:
            continue
        if frozen:
            body.append('__dataclass_builtins_object__.__setattr__(self, %r, %s)' % (f.name, value))
        else:
            body.append('self.%s = %s' % (f.name, value))
    ns['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    if hasattr(cls, '__post_init__'):
        initvars = [f.name for f in flds if f._field_type == '_FIELD_INITVAR']
        body.append('self.__post_init__(%s)' % ', '.join(initvars))
    if not body:
        body.append('pass')
    sig = ['self'] + params
    if kw_params:
        sig.append('*')
        sig.extend(kw_params)
    src = 'def __init__(%s):\n    %s\n' % (', '.join(sig), '\n    '.join(body))
    exec(src, ns)
    fn = ns['__init__']
    fn.__qualname__ = cls.__qualname__ + '.__init__'
    cls.__init__ = fn


class _HasDefaultFactory:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type == '_FIELD')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified '
                                 'with replace()' % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    anns = {}
    for item in fields:
        if isinstance(item, str):
            anns[item] = 'typing.Any'
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = anns
    cls = type(cls_name, bases or (object,), ns)
    return dataclass(cls, **kwargs)
