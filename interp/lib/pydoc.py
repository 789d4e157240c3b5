# interp/lib/pydoc.py — what help(obj) prints: the builtin help (interp/runtime/builtins.c,
# bi_help) calls pydoc.help(obj) for every call with an argument. Plain text, in the layout of
# CPython's pydoc text documenter where the pieces exist here: "Help on function f in module m:",
# then the signature as the def wrote it (`f(a, b=1, *args, c, **kw)`, defaults by repr), then the
# docstring indented by 4 (common indentation removed, as inspect.cleandoc). Built-in functions
# carry no signature here: they show as `name(...)`. Classes list their own methods; modules their
# functions, classes and other names. A str argument is looked up as a builtin or a module name.
# Locks: none (module-level state is read-only after import).
import sys

_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


def cleandoc(doc):
    """The docstring with its first line's leading blanks and the later lines' common
    indentation removed, and blank lines at both ends dropped (as inspect.cleandoc)."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        body = line.lstrip()
        if body:
            ind = len(line) - len(body)
            margin = ind if margin is None else min(margin, ind)
    out = [lines[0].lstrip()]
    for line in lines[1:]:
        out.append(line[margin:] if margin else line)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return "\n".join(out)


def getdoc(obj):
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str) or not doc:
        return ""
    return cleandoc(doc)


def _indent(text, prefix="    "):
    if not text:
        return ""
    return "\n".join(prefix + line for line in text.split("\n")) + "\n"


def _is_function(obj):
    return type(obj).__name__ == "function"


def _is_builtin(obj):
    return type(obj).__name__ in ("builtin_function_or_method", "builtin_function")


def _is_method(obj):
    return type(obj).__name__ == "method"


def signature(func, skip_first=False):
    """`(a, b=1, *args, c, **kw)` from a Python function's code object and defaults."""
    co = func.__code__
    names = co.co_varnames
    npos = co.co_argcount
    nkw = co.co_kwonlyargcount
    nposonly = getattr(co, "co_posonlyargcount", 0)
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    parts = []
    first_default = npos - len(defaults)
    for i in range(npos):
        p = names[i]
        if i >= first_default:
            p += "=" + repr(defaults[i - first_default])
        parts.append(p)
        if nposonly and i == nposonly - 1:
            parts.append("/")
    k = npos + nkw
    if co.co_flags & _CO_VARARGS:
        parts.append("*" + names[k])
        k += 1
    elif nkw:
        parts.append("*")
    for i in range(npos, npos + nkw):
        p = names[i]
        if p in kwdefaults:
            p += "=" + repr(kwdefaults[p])
        parts.append(p)
    if co.co_flags & _CO_VARKEYWORDS:
        parts.append("**" + names[k])
    if skip_first and parts and parts[0] not in ("/", "*") and not parts[0].startswith("*"):
        parts.pop(0)
        if parts and parts[0] == "/":
            parts.pop(0)
    return "(" + ", ".join(parts) + ")"


def _routine(obj, name=None):
    """The signature line and indented docstring of a function, method or builtin."""
    if _is_method(obj):
        func = obj.__func__
        name = name or func.__name__
        owner = type(obj.__self__)
        if isinstance(obj.__self__, type):
            note = " class method of %s.%s" % (obj.__self__.__module__, obj.__self__.__qualname__)
        else:
            note = " method of %s.%s instance" % (owner.__module__, owner.__qualname__)
        if _is_function(func):
            head = name + signature(func, skip_first=True) + note
        else:
            head = name + "(...)" + note
        return head + "\n" + _indent(getdoc(func))
    if _is_function(obj):
        fname = obj.__name__
        if fname == "<lambda>":
            head = (name or fname) + " lambda " + signature(obj)[1:-1]
        elif name and name != fname:
            head = name + " = " + fname + signature(obj)
        else:
            head = fname + signature(obj)
        return head + "\n" + _indent(getdoc(obj))
    bname = getattr(obj, "__name__", None) or name or "?"
    head = (name or bname) + "(...)"
    return head + "\n" + _indent(getdoc(obj))


def _module_name(obj):
    m = getattr(obj, "__module__", None)
    return m if isinstance(m, str) else None


# docstrings a method without its own inherits from object's (inspect.getdoc looks up the MRO)
_OBJECT_DOCS = {
    "__init__": "Initialize self.  See help(type(self)) for accurate signature.",
    "__repr__": "Return repr(self).",
    "__str__": "Return str(self).",
    "__eq__": "Return self==value.",
    "__ne__": "Return self!=value.",
    "__lt__": "Return self<value.",
    "__le__": "Return self<=value.",
    "__gt__": "Return self>value.",
    "__ge__": "Return self>=value.",
    "__hash__": "Return hash(self).",
}


def _init_signature(cls):
    """`Shape(sides)`: the class called as its __init__ takes it, if a Python __init__ is found."""
    for k in cls.__mro__:
        init = k.__dict__.get("__init__")
        if init is not None:
            if _is_function(init):
                return cls.__name__ + signature(init, skip_first=True)
            return None
    return None


def _class_text(cls):
    bases = ", ".join(("%s.%s" % (b.__module__, b.__qualname__)) for b in cls.__bases__)
    lines = ["class %s(%s)" % (cls.__name__, bases)]
    body = []
    sig = _init_signature(cls)
    if sig:
        body += [sig, ""]
    doc = getdoc(cls)
    if doc:
        body += doc.split("\n") + [""]
    sections = {"Methods defined here:": [], "Class methods defined here:": [],
                "Static methods defined here:": [], "Data descriptors defined here:": []}
    for key in sorted(cls.__dict__):
        v = cls.__dict__[key]
        kind = type(v).__name__
        if kind == "staticmethod":
            sections["Static methods defined here:"].append(_routine(v.__func__, key))
        elif kind == "classmethod":
            sections["Class methods defined here:"].append(_routine(v.__func__, key))
        elif _is_function(v) or _is_builtin(v):
            text = _routine(v, key)
            if not getdoc(v) and key in _OBJECT_DOCS:
                text += _indent(_OBJECT_DOCS[key])
            sections["Methods defined here:"].append(text)
        elif kind == "property":
            sections["Data descriptors defined here:"].append(key + "\n" + _indent(getdoc(v)))
    if cls.__bases__ == (object,) and "__slots__" not in cls.__dict__:
        sections["Data descriptors defined here:"] += [
            "__dict__\n    dictionary for instance variables (if defined)\n",
            "__weakref__\n    list of weak references to the object (if defined)\n"]
    first = True
    for title in ("Methods defined here:", "Class methods defined here:",
                  "Static methods defined here:", "Data descriptors defined here:"):
        entries = sections[title]
        if not entries:
            continue
        if not first:
            body.append("-" * 70)
        first = False
        body += [title, ""]
        for text in entries:
            body += text.rstrip("\n").split("\n") + [""]
    while body and not body[-1]:
        body.pop()
    for line in body:
        lines.append(" |  " + line)
    return "\n".join(lines) + "\n"


def _module_text(mod):
    name = mod.__name__
    out = ["NAME", "    " + name, ""]
    doc = getdoc(mod)
    if doc:
        out += ["DESCRIPTION", _indent(doc).rstrip("\n"), ""]
    names = [n for n in sorted(dir(mod)) if not n.startswith("_")]
    classes, funcs, data = [], [], []
    for n in names:
        v = getattr(mod, n)
        if isinstance(v, type):
            classes.append(n)
        elif _is_function(v) or _is_builtin(v):
            funcs.append((n, v))
        elif type(v).__name__ != "module":
            data.append(n)
    if classes:
        out += ["CLASSES"] + ["    " + n for n in classes] + [""]
    if funcs:
        out.append("FUNCTIONS")
        for n, v in funcs:
            out.append(_indent(_routine(v, n).rstrip("\n")).rstrip("\n"))
            out.append("")
    if data:
        out += ["DATA"] + ["    " + n for n in data] + [""]
    return "\n".join(out) + "\n"


def render(obj):
    """The text help(obj) prints."""
    if isinstance(obj, str):
        import builtins
        if obj in builtins.__dict__:
            return render(builtins.__dict__[obj])
        try:
            mod = __import__(obj)
        except ImportError:
            return ("No Python documentation found for %r.\n"
                    "Use help() to get the interactive help utility.\n"
                    "Use help(str) for help on the str class.\n" % obj)
        return render(mod)
    kind = type(obj).__name__
    if kind == "module":
        return "Help on module %s:\n\n%s" % (obj.__name__, _module_text(obj))
    if isinstance(obj, type):
        where = _module_name(obj)
        return "Help on class %s in module %s:\n\n%s\n" % (obj.__name__, where, _class_text(obj))
    if _is_method(obj):
        where = _module_name(obj.__func__)
        return "Help on method %s in module %s:\n\n%s\n" % (obj.__func__.__name__, where, _routine(obj))
    if _is_function(obj):
        where = _module_name(obj)
        return "Help on function %s in module %s:\n\n%s\n" % (obj.__name__, where, _routine(obj))
    if _is_builtin(obj):
        return "Help on built-in function %s in module builtins:\n\n%s\n" % (
            getattr(obj, "__name__", "?"), _routine(obj))
    cls = type(obj)
    return "Help on %s object:\n\n%s\n" % (cls.__name__, _class_text(cls))


_NOTHING = object()


def help(obj=_NOTHING):
    if obj is _NOTHING:
        sys.stdout.write("Type help(object) for help about object: its signature and docstring.\n")
        return
    sys.stdout.write(render(obj))
