# Huge code points: format(n, 'c') and chr() convert through a C long / C int first, '%c' says
# the argument is out of range.
for v in [2 ** 70, -2 ** 70, 2 ** 40, -2 ** 40, 2 ** 31, 0x110000, -1, 65]:
    for f in [lambda: format(v, 'c'), lambda: '%c' % v, lambda: chr(v)]:
        try: print(repr(f()))
        except (OverflowError, ValueError) as e: print(type(e).__name__, e)
