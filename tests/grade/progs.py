"""tests/grade/progs.py — the Python programs the graded tests run (host tollpy and guest).
Each prints `RESULT key value` lines (tests/grade/conftest.py: results()). Every loop is bounded
in iterations or time, so a broken GIL makes a test fail, never hang."""

COMMON = '''
import sys
import time
import _thread
import gil

done_lock = _thread.allocate_lock()
done = [0]

def finished():
    done_lock.acquire()
    done[0] += 1
    done_lock.release()

def wait_done(n, limit):
    t0 = time.perf_counter()
    while done[0] < n and time.perf_counter() - t0 < limit:
        time.sleep(0.002)
    while gil.stats()["threads"] > 1 and time.perf_counter() - t0 < limit + 5:
        time.sleep(0.002)
    return done[0] == n
'''


def countdown(policy, count, nthreads=2, limit=40):
    """Seed 003's countdown split over threads, with the GIL counters."""
    return COMMON + f'''
def countdown(n):
    while n > 0:
        n -= 1
    finished()

sys.setgilpolicy("{policy}")
gil.reset()
t0 = time.perf_counter()
i = 0
while i < {nthreads}:
    _thread.start_new_thread(countdown, ({count} // {nthreads},))
    i += 1
ok = wait_done({nthreads}, {limit})
el = time.perf_counter() - t0
s = gil.stats()
print("RESULT finished", 1 if ok else 0)
print("RESULT seconds", el)
for k in ["switches", "drop_requests", "forced_switches", "failed_wakeups", "handoff_mean_us", "switch_interval"]:
    print("RESULT", k, s[k])
'''


def convoy(policies, ops=100, spinners=1, limit=20):
    """The convoy (bpo-7946): `ops` sleeps of 1 ms next to CPU-bound spinners, per policy;
    RESULT <policy>_median_ms, <policy>_drop_requests, <policy>_spins_min (the least a spinner
    looped: starvation shows as 0)."""
    return COMMON + f'''
stop = [False]
lat = []
spins = []

def spin(k):
    t_end = time.perf_counter() + {limit}
    n = 0
    while not stop[0]:
        n += 1
        if n % 1000 == 0 and time.perf_counter() > t_end:
            break
    spins[k] = n
    finished()

def io(arg):
    i = 0
    while i < {ops}:
        t0 = time.perf_counter()
        time.sleep(0.001)
        lat.append(time.perf_counter() - t0)
        i += 1
    stop[0] = True
    finished()

for policy in {list(policies)!r}:
    sys.setgilpolicy(policy)
    stop[0] = False
    lat.clear()
    spins.clear()
    done[0] = 0
    j = 0
    while j < {spinners}:
        spins.append(0)
        _thread.start_new_thread(spin, (j,))
        j += 1
    time.sleep(0.02)
    gil.reset()
    _thread.start_new_thread(io, (0,))
    ok = wait_done({spinners} + 1, {limit} + 10)
    s = gil.stats()
    lat.sort()
    med = lat[len(lat) // 2] * 1000 if lat else 1e9
    print("RESULT", policy + "_finished", 1 if ok else 0)
    print("RESULT", policy + "_median_ms", med)
    print("RESULT", policy + "_mean_ms", sum(lat) / len(lat) * 1000 if lat else 1e9)
    print("RESULT", policy + "_drop_requests", s["drop_requests"])
    print("RESULT", policy + "_spins_min", min(spins) if spins else 0)
    print("RESULT switch_interval_ms", sys.getswitchinterval() * 1000)
sys.setgilpolicy("new")
'''


def selftest(name):
    """A kernel self-test by name; the output lines are the result."""
    return f'''
import kernel
try:
    kernel.selftest("{name}")
except RuntimeError as e:
    print("selftest failed:", e)
'''
