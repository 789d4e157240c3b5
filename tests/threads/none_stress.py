# Every container method against concurrent mutators, for the free-threaded policy (`none`, where
# threads run bytecode in parallel and the containers' object locks are all that orders them:
# interp/core/objlock.h). It runs under every policy and under CPython, and prints the same lines
# everywhere: only invariants that hold when each container method is atomic (as it is under a GIL
# and under CPython 3.13t), never counts of races or timings.
#
# Per container: 4 workers mutate shared containers with operations that cancel out (add x, then
# remove x, with x private to the worker) while they also read them with every reading method.
# Checks: the final contents equal the initial ones; an element nobody removes is always counted
# exactly once (count/index/`in` are atomic); items handed out by a shared pop()/popitem()/iterator
# are each handed out once; the only exceptions caught are those CPython could raise at that point
# (RuntimeError "changed size during iteration", KeyError/IndexError from popping an empty
# container), and any other exception kills the worker, which the summary shows.
# make test-none-stress runs this file under TOLLPY_GIL=none on the ASan and TSan builds.
import threading

NW = 4
ROUNDS = 300          # per worker and container kind; small enough for TSan on 2 cores

failures = []


def run(name, target):
    done = []

    def wrap(k):
        try:
            target(k)
            done.append(k)
        except BaseException as e:        # a worker's unexpected exception is a failure
            failures.append("%s worker %d: %s: %s" % (name, k, type(e).__name__, e))

    ts = [threading.Thread(target=wrap, args=(k,)) for k in range(NW)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return len(done) == NW


class Key:
    """A key whose == and hash are Python code (the unlocked-compare paths)."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 7

    def __eq__(self, other):
        return isinstance(other, Key) and other.v == self.v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Key(%d)" % self.v


def check(label, ok):
    print(label, "ok" if ok else "FAILED")


# ---- list ----------------------------------------------------------------------------------------
BASE = list(range(100))
L = list(BASE)
OBJS = [Key(i) for i in range(20)]
LO = list(OBJS)                       # a list of objects with Python __eq__
S = list(range(500))                  # sorted by one worker while others read it
SL = ["a", "b"] * 20                  # strs for str.join
bad = []


def list_worker(k):
    global L
    mine = 1000 + k                   # private value: equal to nothing in BASE
    mykey = Key(1000 + k)
    for i in range(ROUNDS):
        L.append(mine)
        L.insert(0, mine)
        L.extend([mine, mine])
        L += [mine]
        L[len(BASE) // 2:len(BASE) // 2] = [mine]
        if L.count(50) != 1 or L.index(50) < 0 or 50 not in L or mine not in L:
            bad.append("count/index/in")
        for _ in range(6):
            L.remove(mine)
        SL.append("w%d" % k)
        if not ",".join(SL).startswith("a,b,"):
            bad.append("str.join")
        SL.remove("w%d" % k)
        LO.insert(0, mykey)
        # With a Python __eq__ a scan is not atomic under a GIL (the GIL may switch inside
        # __eq__), so only the final contents are checked; these exercise the unlocked paths.
        LO.count(OBJS[3])
        OBJS[3] in LO
        try:
            LO.index(OBJS[3])
        except ValueError:            # under a GIL the scan may miss a shifted item, as CPython
            pass
        # remove scans the same way: if the GIL switches inside the __eq__ of another worker's
        # key in front of mykey and that worker removes its key, mykey shifts under the scan,
        # which misses it and raises ValueError, as CPython's list.remove can
        # (tests/lang/list_scan_mutated.py plays that interleaving in one thread). mykey is then
        # still in LO, since only this worker removes it: a copy (atomic, no Python code) tells
        # such a miss from a lost element, and a miss is retried.
        while True:
            try:
                LO.remove(mykey)
                break
            except ValueError:
                if not any(x is mykey for x in LO.copy()):
                    bad.append("LO lost an element")
                    break
        # readers that copy
        c = L.copy()
        c2 = list(L) + L[:] + L[::3] + sorted(L[:10]) + list(tuple(L)) + list(reversed(L))
        if not (50 in c and L == L and (L != [])):
            bad.append("copy/compare")
        repr(L) if i % 50 == 0 else None
        s = list(S)
        if len(s) not in (0, len(range(500))):
            bad.append("sort snapshot %d" % len(s))
        if k == 0 and i % 10 == 0:
            S.sort(reverse=(i % 20 == 0))
        for x in L:
            pass
        L2 = L * 2
        del c, c2, L2


ok = run("list", list_worker)
check("list workers", ok)
check("list contents restored", sorted(L) == BASE and LO == OBJS and SL == ["a", "b"] * 20)
check("list sorted list intact", sorted(S) == list(range(500)))
check("list atomic reads", not bad)

# pop() and a shared iterator hand out every item exactly once
P = list(range(4000))
got = [[] for _ in range(NW)]


def pop_worker(k):
    while True:
        try:
            got[k].append(P.pop())
        except IndexError:
            return


run("list.pop", pop_worker)
check("list.pop each once", sorted(sum(got, [])) == list(range(4000)))

IT = iter(list(range(4000)))
got = [[] for _ in range(NW)]


def iter_worker(k):
    for x in IT:
        got[k].append(x)


run("list iterator", iter_worker)
check("shared list iterator each once", sorted(sum(got, [])) == list(range(4000)))

# ---- bytearray -----------------------------------------------------------------------------------
B = bytearray(b"abc")


def ba_worker(k):
    ch = 100 + k
    for i in range(ROUNDS * 4):
        B.append(ch)
        if i % 3 == 0:
            B.extend(bytes([ch, ch]))
            B.extend([ch])
        x = bytes(B)
        y = B[1:5] + B[::7]
        if not (B.startswith(b"abc") and b"b" in B and B.find(b"c") == 2 and B[0] == 97):
            bad.append("bytearray read")
        if i % 50 == 0:
            repr(B)
            B.count(ch)
            B == x
            for c in B:
                pass
        del x, y


bad = []
ok = run("bytearray", ba_worker)
check("bytearray workers", ok)
per = ROUNDS * 4 + 3 * len(range(0, ROUNDS * 4, 3))
check("bytearray contents", len(B) == 3 + NW * per and all(B.count(100 + k) == per for k in range(NW)))
check("bytearray atomic reads", not bad)
PB = bytearray(list(range(200)) * 20)
got = [[] for _ in range(NW)]


def ba_pop_worker(k):
    while True:
        try:
            got[k].append(PB.pop())
        except IndexError:
            return


run("bytearray.pop", ba_pop_worker)
check("bytearray.pop each once", sorted(sum(got, [])) == sorted(list(range(200)) * 20))

# ---- dict ----------------------------------------------------------------------------------------
D = {i: i for i in range(50)}
D.update({"s%d" % i: i for i in range(50)})
D.update({Key(i): i for i in range(20)})
D0 = dict(D)
bad = []


def dict_worker(k):
    for i in range(ROUNDS):
        ks = ("w", k, i)
        kk = Key(1000 + k)
        D[ks] = i
        D[kk] = i
        D["x%d" % k] = i
        D.setdefault(2000 + k, k)
        D.update({3000 + k: k})
        if D.get(7) != 7 or D["s7"] != 7 or D[Key(3)] != 3 or Key(4) not in D or 9 not in D:
            bad.append("dict get")
        if D.pop(ks) != i or D.pop(kk) != i or D.pop("x%d" % k) != i:
            bad.append("dict pop")
        del D[2000 + k]
        del D[3000 + k]
        try:
            c = D.copy()
            c2 = dict(D)
        except RuntimeError:          # "dict mutated during update": CPython, when a key's
            c = c2 = None             # __eq__ lets another thread in during the copy
        if i % 30 == 0:
            repr(D)
            c == D
            7 in D.values()
            (7, 7) in D.items()
            try:
                for x in D:
                    pass
            except RuntimeError:      # "dictionary changed size during iteration", as CPython
                pass
            try:
                list(D.items())
                sorted(D.keys(), key=str)
            except RuntimeError:
                pass
        del c, c2


ok = run("dict", dict_worker)
check("dict workers", ok)
check("dict contents restored", D == D0)
check("dict atomic reads", not bad)
PD = {i: -i for i in range(3000)}
got = [[] for _ in range(NW)]


def popitem_worker(k):
    while True:
        try:
            got[k].append(PD.popitem())
        except KeyError:
            return


run("dict.popitem", popitem_worker)
check("dict.popitem each once", sorted(sum(got, [])) == [(i, -i) for i in range(3000)])

# ---- set -----------------------------------------------------------------------------------------
ST = set(range(60)) | {Key(i) for i in range(10)}
ST0 = set(ST)
F = frozenset(range(30))
bad = []


def set_worker(k):
    global ST
    for i in range(ROUNDS):
        mine, mykey = 1000 + k, Key(1000 + k)
        ST.add(mine)
        ST.add(mykey)
        ST |= {2000 + k}
        ST.update([3000 + k])
        if 5 not in ST or Key(5) not in ST or mykey not in ST:
            bad.append("set in")
        a = ST & F
        b = ST | F
        c = ST - F
        d = ST ^ F
        if len(a) != 30 or not F <= ST or not (F < b) or (F == ST) or F.isdisjoint(ST):
            bad.append("set algebra")
        ST.discard(mine)
        ST.remove(mykey)
        ST -= {2000 + k}
        ST.symmetric_difference_update({3000 + k})
        if i % 30 == 0:
            repr(ST)
            ST.copy() == ST
            set(ST)
            frozenset(ST)
            try:
                for x in ST:
                    pass
            except RuntimeError:      # "Set changed size during iteration", as CPython
                pass
        del a, b, c, d


ok = run("set", set_worker)
check("set workers", ok)
check("set contents restored", ST == ST0)
check("set atomic reads", not bad)
PS = set(range(3000))
got = [[] for _ in range(NW)]


def set_pop_worker(k):
    while True:
        try:
            got[k].append(PS.pop())
        except KeyError:
            return


run("set.pop", set_pop_worker)
check("set.pop each once", sorted(sum(got, [])) == list(range(3000)))

# ---- instance and module dicts -------------------------------------------------------------------
class Obj:
    pass


O = Obj()
O.fixed = [1, 2, 3]
G = {"fixed": 1}
bad = []


GV = [0, 0]                           # a module global all workers rebind (the module dict)


def attr_worker(k):
    global GV
    name = "a%d" % k
    for i in range(ROUNDS):
        GV = [k, i]                   # the old list is freed while others may be loading GV
        Obj.cls = [k, i]              # a class attribute (the type's dict), read via the instance
        if len(O.cls) != 2 or len(Obj.cls) != 2:
            bad.append("class attr")
        if len(GV) != 2 or len(globals()["GV"]) != 2:
            bad.append("global")
        setattr(O, name, [k, i])      # a fresh list each time: the old one is freed
        if getattr(O, name)[0] != k or O.fixed != [1, 2, 3]:
            bad.append("instance attr")
        O.shared = (k, i)             # all workers rebind one attribute
        v = O.shared
        if len(v) != 2:
            bad.append("shared attr")
        delattr(O, name)
        G[name] = [k, i]
        if G[name][0] != k or G["fixed"] != 1:
            bad.append("dict attr")
        del G[name]


ok = run("attrs", attr_worker)
check("attribute workers", ok)
check("attributes restored", sorted(vars(O)) == ["fixed", "shared"] and G == {"fixed": 1} and len(Obj.cls) == 2)
check("attribute reads", not bad)

for f in failures:
    print(f)
print("failures", len(failures))
