# type(name, bases, ns) where a base has a metaclass with its own __new__/__init__: CPython
# hands the creation to that metaclass (type_new) and then runs its __init__ (type_call).
log = []
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        log.append(('new', name, sorted(k for k in ns if not k.startswith('__')), kw))
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        log.append(('init', name, kw))
        super().__init__(name, bases, ns)
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(('subclass', cls.__name__, kw))
Dyn = type('Dyn', (Base,), {'x': 1})
print(type(Dyn).__name__, Dyn.x, log)
log.clear()
Dyn2 = type('Dyn2', (Base,), {}, tag=3)
print(type(Dyn2).__name__, log)
class Plain(type): pass
class P(metaclass=Plain): pass
print(type(type('Q', (P,), {})).__name__)
E = type.__new__(type, 'E', (Base,), {})
print(type(E).__name__, log)
