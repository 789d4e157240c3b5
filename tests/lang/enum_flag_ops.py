# enum.Flag: ~ (within the members' bits), iteration and len of a value, the zero pseudo-member's
# repr, the STRICT boundary's ValueError, auto() as the next power of two, <flag 'P'>.
import enum
class P(enum.Flag):
    R = 1
    W = 2
    X = 4
    Z = enum.auto()
for ex in ["list(P)", "P.R | P.W", "P(3)", "P(0)", "bool(P(0))", "~P.R", "P.R & P.W", "list(P.R | P.X)", "P.R in (P.R | P.W)", "repr(P.R | P.W)", "str(P.R | P.W)", "P.Z.value", "repr(P(0))", "repr(~P.R)"]:
    try: print(ex, eval(ex))
    except Exception as e: print(ex, type(e).__name__, e)
