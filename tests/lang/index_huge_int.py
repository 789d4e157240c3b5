# Ints too large for an index (10**20 here, also past 32-bit on the guest): subscripts raise
# IndexError "cannot fit 'int' into an index-sized integer", list.insert/list.pop OverflowError
# "Python int too large to convert to C ssize_t", seq * n OverflowError, and slice bounds and
# str/bytes find/count/index/startswith start/end clamp (CPython's _PyEval_SliceIndex).
# First seen as a differential-fuzzer disagreement (list.insert(10**20, x) inserted).
big = 10**20
for name, f in [("insert", lambda: [1].insert(big, 7)), ("insert-neg", lambda: [1].insert(-big, 7)),
                ("pop", lambda: [1].pop(big)), ("pop-neg", lambda: [1].pop(-big)),
                ("index", lambda: [1][big]), ("str", lambda: 'abc'[big]), ("str-neg", lambda: 'abc'[-big]),
                ("mul", lambda: [1] * big), ("strmul", lambda: 'a' * big), ("del", lambda: [1].__delitem__(big)),
                ("setitem", lambda: [1].__setitem__(big, 2)), ("tuple", lambda: (1,)[big]),
                ("bytes", lambda: b'a'[big]), ("bytearray", lambda: bytearray(b'a')[big]),
                ("bytearray-pop", lambda: bytearray(b'a').pop(big)), ("range", lambda: range(5)[big])]:
    try:
        r = f()
        print(name, 'ok', r)
    except Exception as e:
        print(name, type(e).__name__, e)

L = [1, 2, 3]
for sign in (1, -1):
    b = big * sign
    for seq in ([1, 2, 3], 'abc', b'abc', (1, 2, 3)):
        print(seq[b:], seq[-b:b], seq[:b], seq[b::-1])
        x = seq[0:1] if isinstance(seq, (str, bytes)) else seq[0]
        try:
            print(seq.index(x, -b, b), seq.index(x, 0, b))
        except ValueError:
            print('ValueError')
    for s in ('abcab', b'abcab'):
        x = s[0:1]
        print(s.find(x, b), s.find(x, -b, b), s.rfind(x, b), s.rfind(x, -b, b))
    print('abcab'.count('a', b), 'abcab'.count('a', -b, b))
    try:
        print('abcab'.rindex('a', b))
    except ValueError as e:
        print('ValueError', e)
    print('abcab'.startswith('a', b), 'abcab'.startswith('a', -b, b),
          'abcab'.endswith('b', b), 'abcab'.endswith('b', -b, b))
    M = list(L)
    del M[b:]
    M[b:] = [9]
    print(M, range(5)[b:], range(5)[-b:b])

# range slices keep the clamped stop index: range(5)[10**20:-10**20] is range(5, 0)
for r in (range(5), range(0, 10, 3), range(10, -3, -4), range(0)):
    for sl in (slice(None), slice(None, None, -1), slice(1, 100), slice(-100, 100, 2),
               slice(100, -100, -2), slice(3, 1), slice(big, -big), slice(-big, big, -1), slice(2, None, -3)):
        print(r[sl], list(r[sl]))
