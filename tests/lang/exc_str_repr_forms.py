for e in (KeyError("k"), KeyError("a", "b"), KeyError(), ValueError("x", 2), IndexError(5), OSError(2, "nf"), StopIteration(7)):
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
print(StopIteration(7).value)
