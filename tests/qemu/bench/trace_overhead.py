# Trace overhead in the guest: the same threaded countdown with the trace rings on and off,
# best of 3, under `new` and `old` (old records the most events: a check every 100 ticks).
# Run: python3 qemu/tollbooth.py run tests/qemu/bench/trace_overhead.py --cpus 2
import sys, time, threading, kernel

N = 1000000

def count(n):
    while n > 0:
        n -= 1

def once(k):
    ts = [threading.Thread(target=count, args=(N // k,)) for i in range(k)]
    t0 = time.perf_counter()
    for t in ts: t.start()
    for t in ts: t.join()
    return time.perf_counter() - t0

for pol in ("new", "old"):
    sys.setgilpolicy(pol)
    for k in (1, 2):
        res = {}
        for on in (True, False, True, False, True, False):
            kernel.trace(on)
            dt = once(k)
            res[on] = min(res.get(on, 1e9), dt)
        kernel.trace(True)
        print("RESULT policy=%s threads=%d trace_on=%.4f trace_off=%.4f overhead_pct=%.1f"
              % (pol, k, res[True], res[False], 100.0 * (res[True] - res[False]) / res[False]))
sys.setgilpolicy("new")
