# tollpy only (compared with old_ticker.expected): the `old` policy's ticker, counted.
# Python 2's ticker: while more than one Python thread exists, the VM counts one tick per
# instruction (an inline decrement; not for the opcodes Python 2 did not count either, vm.c's
# OLD_NO_TICK_OPS) and calls the policy once per sys.setcheckinterval ticks.
# gil.stats()["interval_checks"] counts the policy's checks, so with a known number of ticks
# the count is known: exactly one check per tick at interval 1, and ticks // interval (give or
# take the ticker's phase: 1) at larger intervals. Nothing here depends on timing: a second
# thread waits on a lock (so ticks are on but nobody contends), then two threads count down
# against each other.
import sys
import _thread
import time
import gil

sys.setgilpolicy("old")

def work(n):
    while n > 0:
        n -= 1

def checks(interval, n):
    sys.setcheckinterval(interval)      # the next instruction checks, then every `interval`
    gil.reset()
    work(n)
    return gil.stats()["interval_checks"]

# one thread alone: no ticks at all
print("alone:", checks(1, 1000))

hold = _thread.allocate_lock()
hold.acquire()
def waiter():
    hold.acquire()                      # blocked in C: registered, but not running bytecode
    hold.release()
wid = _thread.start_new_thread(waiter, ())
# hold.acquire is the waiter's first blocking call: once it has counted an I/O wait it has let
# the GIL go and waits on the lock, not for the GIL (the measurements below see no GIL waiter)
while not [t for t in gil.threads() if t["ident"] == wid and t["io_waits"] >= 1]:
    time.sleep(0.001)

# interval 1: one check per tick, so the counts are the tick counts, which grow by a whole
# number of ticks per loop iteration
c1 = checks(1, 1000)
c2 = checks(1, 2000)
c3 = checks(1, 4000)
per_iter = (c2 - c1) // 1000
print("per iteration, whole and > 0:", per_iter > 0 and (c2 - c1) == 1000 * per_iter)
print("linear in the iterations:", c3 - c2 == 2000 * per_iter)
base = c1 - 1000 * per_iter             # ticks around the loop
n = 30000
total = base + n * per_iter
for interval in [10, 100, 1000]:
    c = checks(interval, n)
    print("interval", interval, "checks = ticks // interval (+-1):",
          abs(c - total // interval) <= 1)
s = gil.stats()
print("nobody waited, so no release:", s["acquisitions"] == 0 and s["battle_rounds"] == 0)

# two threads counting down against each other: both tick one shared ticker, so the checks
# are the two loops' ticks // 100 (the few ticks of the threads' start and end fall on either
# side of the count, so +-4 of 1,600)
hold.release()
while gil.stats()["threads"] > 1:        # the waiter has left (it unregisters after its return)
    time.sleep(0.001)
sys.setcheckinterval(100)
done = _thread.allocate_lock()
done.acquire()
left = [2]
lk = _thread.allocate_lock()
def runner(k):
    work(k)
    lk.acquire()
    left[0] -= 1
    last = left[0] == 0
    lk.release()
    if last:
        done.release()
m = 40000
gil.reset()
_thread.start_new_thread(runner, (m,))
_thread.start_new_thread(runner, (m,))
done.acquire()
s = gil.stats()
expect = 2 * m * per_iter // 100
print("two threads: checks = ticks // 100 (+-4):", abs(s["interval_checks"] - expect) <= 4,
      "violations:", s["violations"])
