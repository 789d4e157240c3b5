def repeat(n):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("z"))
def tag(t):
    return lambda f: lambda *a: f"<{t}>{f(*a)}</{t}>"
@tag("b")
@tag("i")
def text(s):
    return s
print(text("bold italic"))
