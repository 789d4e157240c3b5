# tollpy only: under new, old and prio, at most one thread holds the GIL at any instant —
# checked from the trace ring (take/drop events) and from the holder records (violations).
import sys
import threading
import gil

def countdown(n):
    while n > 0:
        n -= 1

for policy in ["new", "old", "prio"]:
    sys.setgilpolicy(policy)
    gil.trace_reset()
    gil.reset()
    ts = [threading.Thread(target=countdown, args=(300000,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    takes, overlaps = gil.trace_check()
    s = gil.stats()
    print(policy, "takes recorded:", takes > 4, "overlaps:", overlaps, "violations:", s["violations"])
sys.setgilpolicy("new")
