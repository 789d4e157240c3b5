# tollpy only (compared with list_scan_switch.expected): a list shared by threads whose items
# compare with a Python __eq__, under whatever policy the runner sets (TOLLPY_GIL), with the GIL
# offered as often as the policy allows (old: every tick; new/prio: a 1 us switch interval).
# Each worker inserts its own key, scans the list, and removes its key. Under a GIL a switch
# inside an __eq__ lets another worker remove the key being compared, and the remover's scan
# can then step past its own key and raise ValueError (as CPython's list.remove can:
# tests/lang/list_scan_mutated.py). Such a miss is allowed and retried; what this test decides
# from is what the misses left behind:
#   lost        keys that a remove missed and that were then not in the list either (an
#               identity search of a copy, which runs no Python code): an element lost, which
#               no policy may do;
#   restored    the list is its initial contents once the workers are done;
#   violations  the GIL's own count of breaches of its invariant: two holders at once, or (old)
#               a thread at a tick check without the GIL (gil.h, GilStats.violations).
# The number of misses depends on the scheduling and is not printed.
import sys
import threading
import gil

NW = 4
ROUNDS = 3000


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 7

    def __eq__(self, other):
        return isinstance(other, Key) and other.v == self.v


OBJS = [Key(i) for i in range(12)]
LO = list(OBJS)
lost = []
misses = [0] * NW
errors = []


def worker(k):
    mykey = Key(1000 + k)
    for i in range(ROUNDS):
        LO.insert(0, mykey)
        LO.count(OBJS[5])             # a scan with a Python __eq__: the GIL may switch inside
        while True:
            try:
                LO.remove(mykey)
                break
            except ValueError:
                misses[k] += 1
                if not any(x is mykey for x in LO.copy()):
                    lost.append((k, i))
                    break


def wrap(k):
    try:
        worker(k)
    except BaseException as e:
        errors.append("worker %d: %s: %s" % (k, type(e).__name__, e))


sys.setcheckinterval(1)
sys.setswitchinterval(1e-6)
gil.reset()
ts = [threading.Thread(target=wrap, args=(k,)) for k in range(NW)]
for t in ts:
    t.start()
for t in ts:
    t.join()
s = gil.stats()
print("lost", len(lost), lost[:4])
print("restored", LO == OBJS)
print("violations", s["violations"])
print("errors", errors)
