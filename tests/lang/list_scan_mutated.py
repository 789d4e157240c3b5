# A list scan that calls a Python __eq__ (remove, index, count, `in`) is not atomic: the __eq__
# of an item in front of x removes that item, x shifts one place left under the scan, and the
# scan steps past it. CPython's list.remove raises ValueError then, with x still in the list.
# Under a GIL the same happens between threads when the GIL switches inside that __eq__ and
# another thread removes the item (tests/threads/none_stress.py retries such a miss); here the
# interleaving is played in one thread, so the outcome is fixed.


class K:
    def __init__(self, v, lst=None):
        self.v = v
        self.lst = lst                # the list this item removes itself from, once

    def __eq__(self, other):
        if self.lst is not None:
            lst, self.lst = self.lst, None
            lst.remove(self)          # found by identity: no __eq__ call, no recursion
        return isinstance(other, K) and other.v == self.v

    def __repr__(self):
        return "K(%d)" % self.v


for name in ["remove", "index", "count", "contains"]:
    x = K(1)
    lst = [None, x, K(2)]
    lst[0] = K(0, lst)
    try:
        if name == "remove":
            r = lst.remove(x)
        elif name == "index":
            r = lst.index(x)
        elif name == "count":
            r = lst.count(x)
        else:
            r = x in lst
        print(name, "->", r, lst)
    except ValueError as e:
        print(name, "ValueError:", e, "| x still there:", any(y is x for y in lst), lst)


# the item that removes itself matches: the scan has already decided (CPython returns its old index)
y = K(5)
lst = [K(1), None]
lst[1] = K(5, lst)
print(lst.index(y), lst)
