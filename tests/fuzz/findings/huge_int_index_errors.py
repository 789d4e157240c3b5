# Ints too large for an index: CPython raises OverflowError from list.insert/list.pop ("Python int
# too large to convert to C ssize_t") and IndexError from str/bytes subscripts ("cannot fit
# 'int' into an index-sized integer"); tollpy's list.insert clamps and inserts, pop's message
# differs, and str/bytes subscripts raise OverflowError. Found by tests/fuzz/diff_fuzz.py (seed 8,
# program 1654: L.insert(a - 10, c) with a = 10000090000270000270). Deterministic: belongs in
# tests/lang once fixed.
big = 10**20
for name, f in [("insert", lambda: [1].insert(big, 7)), ("insert-neg", lambda: [1].insert(-big, 7)),
                ("pop", lambda: [1].pop(big)), ("index", lambda: [1][big]), ("str", lambda: 'abc'[big]),
                ("mul", lambda: [1] * big), ("del", lambda: [1].__delitem__(big)),
                ("setitem", lambda: [1].__setitem__(big, 2)), ("tuple", lambda: (1,)[big]),
                ("bytes", lambda: b'a'[big]), ("range", lambda: range(5)[big])]:
    try:
        r = f()
        print(name, 'ok', r)
    except Exception as e:
        print(name, type(e).__name__, e)
