# An augmented assignment that no operand supports names the augmented operator (CPython:
# "unsupported operand type(s) for +=: ..."); the plain operator keeps its own.
class P:
    def __add__(self, o): return NotImplemented
for op in ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@']:
    for a, b in [(1, []), (None, 2), (P(), 1.5), ({1}, 2.5)]:
        try:
            x = a
            exec('x ' + op + '= b')
            print(op + '=', 'ok', type(x).__name__)
        except TypeError as e:
            print(op + '=', e)
        try:
            eval('a ' + op + ' b')
        except TypeError as e:
            print(op, e)
L = [1]; L += (2,); s = {1}; s |= {2}; print(L, s)
