# enum.IntFlag (boundary KEEP): auto() powers of two, int operands, pseudo-members for any int (unknown
# bits named by number after the members'), ~ from the members' bit width, int's str/format/hash.
import enum
class I(enum.IntFlag):
    A = 1
    B = 2
    C = enum.auto()
for ex in ["list(I)", "I.A | I.B", "I(3)", "I(0)", "~I.A", "I.A | 8", "8 | I.A", "repr(I.A | I.B)", "str(I.A | I.B)", "I.A + 1", "I(9)", "repr(I(9))",
           "format(I.A | I.B)", "I.C.value", "repr(I(0))", "repr(~I.A)", "repr(~(I.A | I.B))", "I.A & 3", "repr(I.A ^ I.C)", "list(I.A | I.C)", "len(I.A | I.C)",
           "I.A in (I.A | I.B)", "I.B < 3", "isinstance(I.A, int)", "repr(I(-1))", "bool(I(0))", "f'{I.B}|{I.B!r}|{I.B:>4}'", "'%s %d' % (I.A, I.B)", "hash(I.A) == hash(1)", "I['B']", "repr(I(8))"]:
    try: print(ex, eval(ex))
    except Exception as e: print(ex, type(e).__name__, e)
