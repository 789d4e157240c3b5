# array item overflow messages: CPython converts through a C long, 'b' as a C short and 'H' as a
# C int first, so those conversions' messages win.
import array
for tc in 'bBhHiIlLqQ':
    for v in (-2 ** 70, 2 ** 70, -1, 300, 70000, 2 ** 33, -2 ** 40):
        try: array.array(tc, [v])
        except OverflowError as e: print(tc, v, e)
