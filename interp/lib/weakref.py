"""weakref: weak references, as CPython 3.11's weakref module (Tollbooth's frozen module).

ref (the C type of _weakref, interp/objects/weakref.c), getweakrefcount, getweakrefs,
WeakValueDictionary, WeakKeyDictionary, WeakSet, proxy, finalize, ReferenceError. Only
instances of classes made by class statements can be weakly referenced here.
Callbacks run when the object is deallocated, in the thread that dropped its last reference.
"""

import _weakref

ref = _weakref.ref
ReferenceType = _weakref.ref
getweakrefcount = _weakref.getweakrefcount

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary',
           'ReferenceType', 'ProxyType', 'WeakValueDictionary', 'WeakSet', 'WeakMethod',
           'finalize']


def getweakrefs(obj):
    r = ref(obj)
    return [r] if getweakrefcount(obj) else []


class WeakValueDictionary:
    """A mapping whose values are weakly referenced: an entry goes when its value dies."""

    def __init__(self, other=(), **kw):
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        data = self.data

        def remove(wr):
            if data.get(key) is wr:
                del data[key]
        return ref(value, remove)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for w in list(self.data.values()) if w() is not None)

    def get(self, key, default=None):
        try:
            w = self.data[key]
        except KeyError:
            return default
        o = w()
        return default if o is None else o

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, 'items'):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def items(self):
        out = []
        for k, w in list(self.data.items()):
            o = w()
            if o is not None:
                out.append((k, o))
        return out

    def keys(self):
        return [k for k, _ in self.items()]

    def values(self):
        return [v for _, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def valuerefs(self):
        return list(self.data.values())

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self.data.clear()

    def __repr__(self):
        return '<WeakValueDictionary at 0x%x>' % id(self)


class WeakKeyDictionary:
    """A mapping whose keys are weakly referenced: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        data = self.data

        def remove(wr):
            try:
                del data[wr]
            except KeyError:
                pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, other=None, **kw):
        if other is not None:
            if hasattr(other, 'items'):
                other = other.items()
            for k, v in other:
                self[k] = v

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            k = wr()
            if k is not None:
                out.append((k, v))
        return out

    def keys(self):
        return [k for k, _ in self.items()]

    def values(self):
        return [v for _, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def keyrefs(self):
        return list(self.data.keys())

    def __repr__(self):
        return '<WeakKeyDictionary at 0x%x>' % id(self)


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        d = self.data

        def remove(wr):
            d.discard(wr)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def clear(self):
        self.data.clear()

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__, list(self))


class ProxyType:
    def __init__(self, obj, callback=None):
        object.__setattr__(self, '_proxy_ref', ref(obj, None if callback is None else
                                                   (lambda wr, p=None: callback(self))))

    def _proxy_get(self):
        o = object.__getattribute__(self, '_proxy_ref')()
        if o is None:
            raise ReferenceError('weakly-referenced object no longer exists')
        return o

    def __getattr__(self, name):
        return getattr(ProxyType._proxy_get(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._proxy_get(self), name, value)

    def __repr__(self):
        o = object.__getattribute__(self, '_proxy_ref')()
        return '<weakproxy at 0x%x; to %r at 0x%x>' % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(ProxyType._proxy_get(self))

    def __len__(self):
        return len(ProxyType._proxy_get(self))

    def __call__(self, *a, **kw):
        return ProxyType._proxy_get(self)(*a, **kw)


def proxy(obj, callback=None):
    return ProxyType(obj, callback)


class WeakMethod:
    def __init__(self, meth, callback=None):
        self._obj = ref(meth.__self__)
        self._func = meth.__func__

    def __call__(self):
        o = self._obj()
        if o is None:
            return None
        return self._func.__get__(o, type(o))


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) when obj dies (once)."""

    _registry = {}

    def __init__(self, obj, func, *args, **kwargs):
        self._key = object()
        info = (func, args, kwargs)
        registry = finalize._registry
        key = id(self)
        self._id = key

        def fire(wr):
            entry = registry.pop(key, None)
            if entry is not None:
                f, a, k = entry[0]
                f(*a, **k)
        registry[key] = (info, ref(obj, fire))
        self.atexit = True

    def __call__(self, _=None):
        entry = finalize._registry.pop(self._id, None)
        if entry is not None:
            f, a, k = entry[0]
            return f(*a, **k)

    def detach(self):
        entry = finalize._registry.pop(self._id, None)
        if entry is not None:
            obj = entry[1]()
            if obj is not None:
                f, a, k = entry[0]
                return (obj, f, a, k)

    def peek(self):
        entry = finalize._registry.get(self._id)
        if entry is not None:
            obj = entry[1]()
            if obj is not None:
                f, a, k = entry[0]
                return (obj, f, a, k)

    @property
    def alive(self):
        return self._id in finalize._registry
