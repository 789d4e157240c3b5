# metaclass=, type subclasses (__new__/__init__/__call__/__prepare__), __init_subclass__ with class
# keywords, __set_name__, __class_getitem__, the implicit staticmethod for __new__ (PEP 3115, PEP 487).

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, kw)
        ns = {"prepared": True}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases],
              sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args, kw)
        inst = super().__call__(*args, **kw)
        inst.via_meta = True
        return inst
    def describe(cls):
        return "class %s made by %s" % (cls.__name__, cls.created_by)

class Widget(metaclass=Meta, color="red"):
    size = 3
    def __init__(self, n):
        self.n = n
    @classmethod
    def __init_subclass__(cls, **kw):
        print("Widget.__init_subclass__", cls.__name__, kw)

w = Widget(7)
print(type(Widget).__name__, isinstance(Widget, Meta), isinstance(Widget, type))
print(w.n, w.via_meta, Widget.prepared, Widget.describe(), type(w).__name__)

class Button(Widget, color="blue"):
    pass
print(type(Button).__name__, Button.created_by, Button(1).n)

# a singleton by metaclass __call__
class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in Singleton._instances:
            Singleton._instances[cls] = super().__call__(*args)
        return Singleton._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, b.value)

# type(...) called on a metaclass directly
Dyn = Meta("Dyn", (), {"x": 1})
print(Dyn.x, Dyn.created_by, type(Dyn).__name__)
print(type(3).__name__, type.__new__(type, "Plain", (), {}).__name__)

# metaclass conflict
class OtherMeta(type):
    pass
class Other(metaclass=OtherMeta):
    pass
try:
    class Both(Widget, Other):
        pass
except TypeError as e:
    print("TypeError:", e)

# __init_subclass__: a plugin registry with class keywords
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class CSV(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
class PrettyJson(Json, name="pretty"):
    pass
print(sorted(Plugin.registry), PrettyJson.plugin_name, Json.plugin_name)
try:
    class Bad(Plugin, name="bad", extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)

# __set_name__: descriptors learn their attribute names
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Record:
    title = Field()
    year = Field()
r = Record()
r.title = "Dune"
print(r.title, r.year, Record.title.name)

# __class_getitem__ is an implicit classmethod
class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, getattr(item, "__name__", item))
class SubBox(Box):
    pass
print(Box[int], SubBox[str], Box["x"])

# __new__ is an implicit staticmethod
class Tagged:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.args = args
        return obj
    def __init__(self, *args):
        self.inited = True
t = Tagged(1, 2)
print(t.args, t.inited, type(Tagged.__dict__["__new__"]).__name__)
t2 = Tagged.__new__(Tagged, 9)
print(t2.args, hasattr(t2, "inited"))

class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"))
