# tests/threads/bench_gil.py — the figures (tollpy only; not a pass/fail test):
#   build/host/tollpy tests/threads/bench_gil.py [COUNT]
# For each GIL policy: countdown(COUNT) sequential, then split over 2 and 4 threads, with the
# GIL counters; then the convoy (100 sleeps of 1 ms next to a spinning thread) under new and prio;
# then native.crc32 over 1 vs 4 threads (runs without the GIL). Uses _thread and while loops
# only, so it depends on as little of the language as possible.
import sys
import time
import _thread
import gil
import native

COUNT = 10000000
if len(sys.argv) > 1:
    COUNT = int(sys.argv[1])

done_lock = _thread.allocate_lock()
done = [0]

def finished():
    done_lock.acquire()
    done[0] += 1
    done_lock.release()

def countdown(n):
    while n > 0:
        n -= 1
    finished()

def run_threads(nthreads, fn, arg):
    done[0] = 0
    t0 = time.perf_counter()
    i = 0
    while i < nthreads:
        _thread.start_new_thread(fn, (arg,))
        i += 1
    while done[0] < nthreads:
        time.sleep(0.001)
    return time.perf_counter() - t0

policies = ["new", "old", "prio", "none"]
k = 0
while k < len(policies):
    policy = policies[k]
    k += 1
    sys.setgilpolicy(policy)
    t0 = time.perf_counter()
    countdown(COUNT)
    seq = time.perf_counter() - t0
    print(f"{policy:5} sequential       {seq:7.3f} s")
    n = 2
    while n <= 4:
        gil.reset()
        el = run_threads(n, countdown, COUNT // n)
        s = gil.stats()
        print(f"{policy:5} {n} threads        {el:7.3f} s  ({el / seq:4.2f}x)  switches={s['switches']} "
              f"drop_requests={s['drop_requests']} forced={s['forced_switches']} "
              f"failed_wakeups={s['failed_wakeups']} handoff mean={s['handoff_mean_us']:.0f}us "
              f"max={s['handoff_max_us']:.0f}us violations={s['violations']}")
        n *= 2
    # wait until the finished threads have left (setgilpolicy refuses while threads run)
    while gil.stats()["threads"] > 1:
        time.sleep(0.001)

# Beazley's surprise: `old` is less slow with all but one core disabled.
ncores = gil.cores()
if ncores > 1:
    sys.setgilpolicy("old")
    gil.cores(1)
    gil.reset()
    el = run_threads(2, countdown, COUNT // 2)
    s = gil.stats()
    print(f"old   2 threads, 1 core {el:7.3f} s  failed_wakeups={s['failed_wakeups']} switches={s['switches']}")
    gil.cores(ncores)
    while gil.stats()["threads"] > 1:
        time.sleep(0.001)
    sys.setgilpolicy("new")

stop = [False]
lat_ops = []

def spin(arg):
    while not stop[0]:
        pass
    finished()

def io(arg):
    i = 0
    while i < 100:
        t0 = time.perf_counter()
        time.sleep(0.001)
        lat_ops.append(time.perf_counter() - t0)
        i += 1
    stop[0] = True
    finished()

cp = ["new", "prio"]
k = 0
while k < 2:
    policy = cp[k]
    k += 1
    sys.setgilpolicy(policy)
    stop[0] = False
    lat_ops.clear()
    done[0] = 0
    _thread.start_new_thread(spin, (0,))
    time.sleep(0.01)
    _thread.start_new_thread(io, (0,))
    while done[0] < 2:
        time.sleep(0.001)
    print(f"convoy {policy:5} 100 x sleep(1 ms) next to a spinner: "
          f"{sum(lat_ops) / len(lat_ops) * 1000:.2f} ms per operation")
    while gil.stats()["threads"] > 1:
        time.sleep(0.001)
sys.setgilpolicy("new")

data = b"x" * 100000

def crc(rounds):
    native.crc32(data, rounds)
    finished()

def pycrc(rounds):
    native.spin_gil(rounds * 100000)
    finished()

n = 1
while n <= 4:
    el = run_threads(n, crc, 400 // n)
    el2 = run_threads(n, pycrc, 400 // n)
    print(f"400 units over {n} thread(s): native.crc32 (no GIL) {el:.3f} s, "
          f"native.spin_gil (GIL held) {el2:.3f} s")
    n *= 4
