"""typing: enough of CPython's typing that annotated code imports and runs (Tollbooth's frozen
module). Annotations are not checked; subscripting the special forms and generic aliases gives
objects that print as CPython's (typing.List[int], typing.Optional[str]) and can themselves be
subscripted, called (the plain containers) or used with isinstance (the unsubscripted ones).
Generic and Protocol are real base classes; TypeVar, NewType, cast, overload, get_type_hints,
TYPE_CHECKING, NamedTuple (through collections.namedtuple when present) are here.
"""

TYPE_CHECKING = False

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional', 'Protocol',
           'Tuple', 'Type', 'TypeVar', 'Union', 'Dict', 'List', 'Set', 'FrozenSet', 'DefaultDict',
           'Deque', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'MutableMapping',
           'MutableSequence', 'Generator', 'AsyncIterator', 'Awaitable', 'Coroutine', 'NamedTuple',
           'NewType', 'NoReturn', 'Never', 'Self', 'cast', 'overload', 'get_type_hints',
           'no_type_check', 'runtime_checkable', 'TYPE_CHECKING', 'Annotated', 'TypedDict',
           'AnyStr', 'Text', 'SupportsInt', 'SupportsFloat', 'Hashable', 'Sized', 'Collection',
           'Container', 'Reversible', 'ParamSpec', 'Concatenate', 'TypeAlias', 'final', 'IO',
           'TextIO', 'BinaryIO', 'Pattern', 'Match', 'ContextManager', 'Counter', 'OrderedDict',
           'ChainMap', 'assert_never', 'reveal_type', 'get_origin', 'get_args']


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if callable(obj) and hasattr(obj, '__name__') and not isinstance(obj, (_Alias, _SpecialForm, TypeVar)):
        return obj.__name__
    return repr(obj)


class _Alias:
    """A subscripted form: List[int], Optional[str], Callable[[int], str]..."""

    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type):
            return self.__origin__(*args, **kwargs)
        raise TypeError('Type %s cannot be instantiated' % self._name)

    def __repr__(self):
        if self._name == 'Optional':
            return 'typing.Optional[%s]' % _type_repr(self.__args__[0])
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in self.__args__[0]),
                                                  _type_repr(self.__args__[1]))
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _Generic:
    """An unsubscripted generic alias: List, Dict, Iterable..."""

    def __init__(self, name, origin, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple' and params == ():
            params = ((),)
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type) and self._name not in ('List', 'Dict', 'Set', 'FrozenSet',
                                                                    'Tuple', 'Callable', 'Type', '_ABC'):
            if self.__origin__ is not _ABC:
                return self.__origin__(*args, **kwargs)
        raise TypeError('Type %s cannot be instantiated; use %s() instead'
                        % (self._name, getattr(self.__origin__, '__name__', self._name).lower()))

    def __repr__(self):
        return 'typing.' + self._name

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % self)
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate %r' % self)

    def __repr__(self):
        return 'typing.' + self._name

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    if not params:
        raise TypeError('Cannot take a Union of no types.')
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        if isinstance(p, _Alias) and p._name == 'Union':
            items = p.__args__
        elif isinstance(p, _Alias) and p._name == 'Optional':
            items = (p.__args__[0], type(None))
        else:
            items = (p,)
        for q in items:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and type(None) in flat:
        other = flat[0] if flat[1] is type(None) else flat[1]
        a = _Alias('Optional', Union, (other, type(None)))
        return a
    return _Alias('Union', Union, tuple(flat))


def _optional(self, param):
    return _union(Union, (param, type(None)))


def _simple(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _Alias(self._name, self, params)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _simple)
Final = _SpecialForm('Final', _simple)
Literal = _SpecialForm('Literal', _simple)
Annotated = _SpecialForm('Annotated', _simple)
Concatenate = _SpecialForm('Concatenate', _simple)
TypeGuard = _SpecialForm('TypeGuard', _simple)
Required = _SpecialForm('Required', _simple)
NotRequired = _SpecialForm('NotRequired', _simple)
Unpack = _SpecialForm('Unpack', _simple)


class _ABC:
    pass


List = _Generic('List', list)
Dict = _Generic('Dict', dict)
Set = _Generic('Set', set)
FrozenSet = _Generic('FrozenSet', frozenset)
Tuple = _Generic('Tuple', tuple)
Type = _Generic('Type', type)
Callable = _Generic('Callable', _ABC)
Iterable = _Generic('Iterable', _ABC)
Iterator = _Generic('Iterator', _ABC)
Reversible = _Generic('Reversible', _ABC)
Sequence = _Generic('Sequence', _ABC)
MutableSequence = _Generic('MutableSequence', _ABC)
Mapping = _Generic('Mapping', _ABC)
MutableMapping = _Generic('MutableMapping', _ABC)
AbstractSet = _Generic('AbstractSet', _ABC)
MutableSet = _Generic('MutableSet', _ABC)
Collection = _Generic('Collection', _ABC)
Container = _Generic('Container', _ABC)
Hashable = _Generic('Hashable', _ABC)
Sized = _Generic('Sized', _ABC)
Generator = _Generic('Generator', _ABC)
AsyncGenerator = _Generic('AsyncGenerator', _ABC)
AsyncIterator = _Generic('AsyncIterator', _ABC)
AsyncIterable = _Generic('AsyncIterable', _ABC)
Awaitable = _Generic('Awaitable', _ABC)
Coroutine = _Generic('Coroutine', _ABC)
ContextManager = _Generic('ContextManager', _ABC)
AsyncContextManager = _Generic('AsyncContextManager', _ABC)
KeysView = _Generic('KeysView', _ABC)
ValuesView = _Generic('ValuesView', _ABC)
ItemsView = _Generic('ItemsView', _ABC)
DefaultDict = _Generic('DefaultDict', dict)
OrderedDict = _Generic('OrderedDict', dict)
Counter = _Generic('Counter', dict)
ChainMap = _Generic('ChainMap', _ABC)
Deque = _Generic('Deque', list)
IO = _Generic('IO', _ABC)
TextIO = _Generic('TextIO', _ABC)
BinaryIO = _Generic('BinaryIO', _ABC)
Pattern = _Generic('Pattern', _ABC)
Match = _Generic('Match', _ABC)
SupportsInt = _Generic('SupportsInt', _ABC)
SupportsFloat = _Generic('SupportsFloat', _ABC)
SupportsIndex = _Generic('SupportsIndex', _ABC)
SupportsAbs = _Generic('SupportsAbs', _ABC)
SupportsRound = _Generic('SupportsRound', _ABC)
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    @property
    def args(self):
        return self

    @property
    def kwargs(self):
        return self


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """class Box(Generic[T]): subscripting Generic gives Generic itself, so it is a plain base;
    subscripting a subclass gives an alias whose calls make instances."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(cls.__qualname__, cls, params)


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def final(f):
    return f


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. A series of @overload-decorated '
            'functions outside a stub module should always be followed by an implementation '
            'that is not @overload-ed.')
    return _overload_dummy


def no_type_check(arg):
    return arg


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    import sys
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', None) or {})


def get_origin(tp):
    if isinstance(tp, (_Alias, _Generic)):
        return tp.__origin__
    return None


def get_args(tp):
    if isinstance(tp, _Alias):
        return tp.__args__
    return ()


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp

    def __call__(self, x):
        return x

    def __repr__(self):
        return '%s.%s' % (__name__ if False else '__main__', self.__name__)


def NamedTuple(typename, fields=None, **kwargs):
    import collections
    if fields is None:
        fields = list(kwargs.items())
    return collections.namedtuple(typename, [f for f, _ in fields])


class TypedDict(dict):
    pass


def dataclass_transform(**kwargs):
    return lambda cls: cls
