for n in (0, -1, 9, 10, 99, 100, 2 ** 31, -2 ** 31, 2 ** 63 - 1, 10 ** 25 + 7):
    s = str(n)
    assert int(s) == n
    print(s, repr(n), len(s))
