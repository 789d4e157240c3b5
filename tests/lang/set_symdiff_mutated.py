# s ^ t and symmetric_difference_update walk one set's table while comparing its elements with
# the other's, and a comparison may run Python code that changes the set being walked. Here the
# __eq__ of an element of t grows s, whose table is reallocated (the old one freed) in the
# middle of the walk: the walk must go on from the set's current table, never from an entry of
# the freed one (the ASan build, make test-lang-asan, reports such a read). Same results as
# CPython, which walks the same way.


class Grow:
    """Equal to nothing; its first comparison adds 200 elements to `target`."""

    def __init__(self, target):
        self.target = target
        self.done = False

    def __hash__(self):
        return 1                      # the hash of 1, an element of s: the two are compared

    def __eq__(self, other):
        if not self.done:
            self.done = True
            self.target.update(range(100, 300))
        return False


s = set(range(1, 10))                 # 9 elements: its table is on the heap, not the inline 8 slots
r = s ^ {Grow(s)}
ints = sorted(x for x in r if isinstance(x, int))
print(len(r), len(ints), ints[:12], sum(ints), len(s))

s = set(range(1, 10))
u = {Grow(s)}
u.symmetric_difference_update(s)
print(len(u), sum(x for x in u if isinstance(x, int)))
