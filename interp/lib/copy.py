"""copy: shallow and deep copy (Tollbooth's frozen module, with CPython 3.11's results).

copy(x) and deepcopy(x[, memo]) honour __copy__ / __deepcopy__(memo); instances of classes
defined in Python are copied through __reduce_ex__ when the class defines it, else by making an
object of the same class (cls.__new__ without __init__) and copying the instance __dict__
(through __getstate__ / __setstate__ when defined). deepcopy keeps a memo keyed by id(), so
shared and cyclic structures come out shared and cyclic. Types that cannot be copied raise
TypeError("cannot pickle '...' object"), as CPython's fallback to pickling does.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

def _atomic_types():
    out = [type(None), int, float, bool, str, bytes, range, type, type(Ellipsis),
           type(NotImplemented), type(len), type(_atomic_types), property, slice]
    try:
        out.append(complex)
    except NameError:
        pass
    try:
        import _thread
        out.append(type(_thread))
    except ImportError:
        pass
    return tuple(out)


_ATOMIC = _atomic_types()


def _is_user_instance(x):
    return hasattr(x, '__dict__') and not isinstance(x, type)


def _new_like(x):
    cls = type(x)
    return cls.__new__(cls)


def _new_from_args(x, args):
    """A tuple subclass (a namedtuple) is rebuilt by its class's __new__ from __getnewargs__(),
    as CPython's object.__reduce_ex__ does: tuple's own answer is (tuple(x),)."""
    return type(x).__new__(type(x), *args)


def _newargs(x):
    getnewargs = getattr(x, '__getnewargs__', None)
    return getnewargs() if getnewargs is not None else (tuple(x),)


def _cannot(x):
    raise TypeError("cannot pickle '%s' object" % type(x).__name__)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC:
        return x
    if cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None:
        return _reconstruct(x, None, *reductor(x, 4))
    if isinstance(x, (list, dict, set)) and _is_user_instance(x):
        # a subclass of a built-in container: same class, same items, same attributes
        y = _new_like(x)
        if isinstance(x, list):
            y.extend(x)
        elif isinstance(x, dict):
            dict.update(y, x)
        else:
            y.update(x)
        y.__dict__.update(x.__dict__)
        return y
    if isinstance(x, BaseException):
        y = cls(*x.args)
        y.__dict__.update(x.__dict__)
        return y
    if isinstance(x, tuple):
        y = _new_from_args(x, _newargs(x))
        if hasattr(x, '__dict__'):
            _set_state(y, _get_state(x))
        return y
    if _is_user_instance(x):
        y = _new_like(x)
        _set_state(y, _get_state(x))
        return y
    _cannot(x)


def _get_state(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None:
        return getstate(x)
    return dict(x.__dict__)


def _set_state(y, state):
    setstate = getattr(type(y), '__setstate__', None)
    if setstate is not None:
        setstate(y, state)
    elif state:
        y.__dict__.update(state)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # a tuple containing itself (through a list) was copied meanwhile
        if d in memo:
            return memo[d]
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(cls, '__deepcopy__', None)
        if copier is not None:
            y = copier(x, memo)
        else:
            reductor = getattr(cls, '__reduce_ex__', None)
            if reductor is not None:
                y = _reconstruct(x, memo, *reductor(x, 4))
            elif isinstance(x, BaseException):
                y = cls(*deepcopy(x.args, memo))
                memo[d] = y
                y.__dict__.update(deepcopy(x.__dict__, memo))
            elif isinstance(x, tuple):
                y = _new_from_args(x, deepcopy(_newargs(x), memo))
                memo[d] = y
                if hasattr(x, '__dict__'):
                    _set_state(y, deepcopy(_get_state(x), memo))
            elif _is_user_instance(x):
                y = _new_like(x)
                memo[d] = y
                if isinstance(x, list):
                    y.extend(deepcopy(list(x), memo))
                elif isinstance(x, dict):
                    for key, value in x.items():
                        dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
                elif isinstance(x, set):
                    y.update(deepcopy(set(x), memo))
                state = _get_state(x)
                _set_state(y, deepcopy(state, memo))
            else:
                _cannot(x)
    # keep x alive while the memo refers to its id, as CPython's _keep_alive
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y
