"""tests/grade/progs.py — the Python programs the graded tests run (host tollpy and guest).
Each prints `RESULT key value` lines (tests/grade/conftest.py: results()). The graded values are
counts of what the GIL did (gil.stats(), gil.threads(): interp/gil/gil.h GilThreadStats) and checks
of the order of its trace events (gil.trace(), host only), never durations. Every loop is
bounded in iterations, and the main thread waits for its workers on locks whose timeout is only
a hang guard, so a broken GIL makes a test fail, never hang."""

COMMON = '''
import sys
import time
import _thread
import gil

HANG_GUARD_S = 120     # only against a hang: no verdict depends on how long anything took

def my_stats():
    """This thread's GIL counters (a thread's record goes when it ends: read them before)."""
    me = _thread.get_ident()
    for t in gil.threads():
        if t["ident"] == me:
            return t
    return {}

def start(fn, args):
    """Start fn(*args) in a thread; returns a lock that is released when it has finished."""
    fin = _thread.allocate_lock()
    fin.acquire()
    def run():
        try:
            fn(*args)
        finally:
            fin.release()
    _thread.start_new_thread(run, ())
    return fin

def wait_all(fins, poll=0):
    """Wait for the workers' locks. poll > 0: wait in slices of `poll` seconds (the guest, whose
    wait queue may be a lab's stub that loses wake-ups: a lost one then costs a slice, never the
    whole hang guard); 0: one blocking wait each, so this thread does not come back meanwhile."""
    ok = 1
    for f in fins:
        if poll:
            n = 0
            while not f.acquire(True, poll) and n * poll < HANG_GUARD_S:
                n += 1
            if n * poll >= HANG_GUARD_S:
                ok = 0
        elif not f.acquire(True, HANG_GUARD_S):
            ok = 0
    return ok

def forced_switch_order(who=None, observer=None):
    """From the trace (host): for each drop request (sent by `who`, or by anyone), is it followed
    by the holder's drop and then a take by another thread (forced switching)? (ok, bad).
    Requests whose holder is `observer` (the main thread that only waits for the workers) are
    left out: on a loaded host the observer can be descheduled while it holds the GIL between
    two waits, receive a request, and then drop for its next wait (an I/O drop, not a forced
    one) and take the GIL back on its return, which the new GIL allows (CPython's too)."""
    ev = [e for e in gil.trace() if e[0] in ("take", "drop", "drop_request")]
    ok = bad = 0
    i = 0
    while i < len(ev):
        e = ev[i]
        if e[0] == "drop_request" and (who is None or e[1] == who) and e[2] != observer:
            h = e[2]
            nxt = ev[i + 1:i + 3]
            if len(nxt) == 2 and nxt[0][0] == "drop" and nxt[0][1] == h and \\
                    nxt[1][0] == "take" and nxt[1][1] != h:
                ok += 1
            else:
                bad += 1
        i += 1
    return ok, bad
'''

STATS = ["switches", "drop_requests", "forced_switches", "failed_wakeups", "timed_wait_expiries",
         "drop_requests_immediate", "drop_requests_after_expiry", "violations"]


def countdown(policy, count, nthreads=2, limit=40, poll=0):
    """Beazley's countdown ("Understanding the Python GIL", 2010) split over threads, with the GIL counters and (host) the check of
    the trace order of every drop request. The main thread waits on locks, so only the countdown
    threads compete for the GIL (with poll > 0 it comes back every `poll` seconds: the guest).
    `limit` is unused (kept for callers)."""
    return COMMON + f'''
def countdown(n):
    while n > 0:
        n -= 1

sys.setgilpolicy("{policy}")
gil.reset()
gil.trace_reset()
fins = []
i = 0
while i < {nthreads}:
    fins.append(start(countdown, ({count} // {nthreads},)))
    i += 1
ok = wait_all(fins, {poll})
s = gil.stats()
main = _thread.get_ident()
order_ok, order_bad = forced_switch_order(observer=main)
to_main = len([e for e in gil.trace() if e[0] == "drop_request" and e[2] == main])
print("RESULT finished", ok)
for k in {STATS!r}:
    print("RESULT", k, s[k])
print("RESULT forced_order_ok", order_ok)
print("RESULT forced_order_bad", order_bad)
print("RESULT drop_requests_to_main", to_main)
'''


def convoy(policy, ops=30, spinners=1, interval=0.005, patience=1000000):
    """The convoy (bpo-7946), made exact: an I/O thread does `ops` blocking waits, and each one
    is ended by a CPU-bound spinner that releases the lock the I/O thread waits on WHILE IT HOLDS
    THE GIL and keeps spinning. So every return from I/O finds the GIL held, by a holder that
    drops it only on request: how the I/O thread gets it back is the policy's mechanism alone.
    Under `new`, each return waits for a timed wait (the switch interval) to expire, then sends
    one drop request; under `prio`, it sends the request at once.
    Nobody else competes: the I/O thread starts the spinners, and resets the counters and the
    trace, only once the main thread is blocked waiting for it (its io_waits moved).
    A spinner gives up after `patience` loop iterations without hearing from the I/O thread (a
    hang guard: with a huge interval a policy that never sends an immediate request would
    otherwise wait for ever). RESULT: ops done, the I/O thread's counters (io_*), the spinners'
    forced drops and most passes, and (host) the trace order after the I/O thread's requests."""
    return COMMON + f'''
go = [False]
stop = [False]
main_ident = _thread.get_ident()
main_io_waits = [-1]
wake = _thread.allocate_lock()
wake.acquire()
io_out = {{}}
spin_out = []

def main_blocked():
    for t in gil.threads():
        if t["ident"] == main_ident:
            return main_io_waits[0] >= 0 and t["io_waits"] > main_io_waits[0]
    return False

def spin(k):
    waited = 0
    while not stop[0]:
        if go[0]:
            go[0] = False
            wake.release()            # the I/O wait ends while this thread holds the GIL
            waited = 0
            continue
        waited += 1
        if waited >= {patience}:
            stop[0] = True            # the I/O thread never got the GIL back: give up
    if go[0]:
        go[0] = False
        wake.release()                # let a waiting I/O thread see `stop`
    spin_out.append(my_stats())

def io():
    # Wait (yielding) until the main thread is blocked for good, so that only this thread and
    # the spinners compete; 20000 polls are a hang guard, not a verdict.
    polls = 0
    while not main_blocked() and polls < 20000:
        time.sleep(0.001)
        polls += 1
    fins = []
    j = 0
    while j < {spinners}:
        fins.append(start(spin, (j,)))
        j += 1
    gil.reset()                       # count from the first operation on
    gil.trace_reset()
    i = 0
    while i < {ops} and not stop[0]:
        go[0] = True
        wake.acquire()                # blocks (drops the GIL) until a spinner releases it
        if stop[0]:
            break
        i += 1
    stop[0] = True
    io_out.update(my_stats())
    io_out["ops_done"] = i
    io_out["me"] = _thread.get_ident()
    wait_all(fins)

sys.setgilpolicy("{policy}")
sys.setswitchinterval({interval})
fin = start(io, ())
main_io_waits[0] = my_stats()["io_waits"]
ok = wait_all([fin])
sys.setswitchinterval(0.005)
print("RESULT finished", ok)
print("RESULT ops", {ops})
print("RESULT interval_s", {interval})
for k in ["ops_done", "io_takes", "io_takes_contended", "io_takes_expired",
          "io_takes_requested_at_once", "drop_requests_immediate", "drop_requests_after_expiry",
          "timed_wait_expiries"]:
    print("RESULT io_" + k, io_out.get(k, -1))
print("RESULT spinners_done", len(spin_out))
print("RESULT spin_forced_drops_total", sum([t.get("forced_drops", 0) for t in spin_out]))
print("RESULT spin_max_passed", max([t.get("max_passed", 0) for t in spin_out] or [0]))
order_ok, order_bad = forced_switch_order(io_out.get("me", -1))
print("RESULT io_forced_order_ok", order_ok)
print("RESULT io_forced_order_bad", order_bad)
s = gil.stats()
print("RESULT violations", s["violations"])
print("RESULT failed_wakeups", s["failed_wakeups"])
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
