# demos — the experiments of the seeds, runnable at the Tollbooth console.
#
#   import demos
#   demos.list()                 what there is
#   demos.run("countdown")       run one (keyword arguments go to the demo: threads=4, n=...)
#   demos.show("countdown")      where to read its source (this file: interp/lib/demos.py)
#
# Every demo prints what to look for, runs, prints RESULT key=value lines (the host tool's
# sweeps collect those), and leaves its run in the trace: type kernel.timeline() afterwards.
# Change the rules between runs: sys.setgilpolicy("old"), sys.setswitchinterval(0.001),
# kernel.cores(1).
import os
import sys
import time
import threading

try:
    import kernel
except ImportError:
    kernel = None


def _policy():
    try:
        return sys.getgilpolicy()
    except AttributeError:
        return "?"


def _cores():
    if kernel is not None:
        try:
            return kernel.cores()
        except Exception:
            pass
    return 1


def _explain(text):
    print(text.strip())
    print("policy:", _policy(), " cores online:", _cores(),
          " switch interval:", sys.getswitchinterval())
    print()


def _run_threads(target, args_list):
    ts = [threading.Thread(target=target, args=a) for a in args_list]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


# ---- countdown (David Beazley, "Understanding the Python GIL", PyCon 2010) ----------------
def _countdown_loop(n):
    while n > 0:
        n -= 1


def countdown(n=1000000, threads=(1, 2, 4)):
    """count down from n, split over 1, 2 and 4 threads (Beazley's countdown, PyCon 2010)"""
    _explain("""
COUNTDOWN: the same amount of pure-Python work, split over 1, 2 and 4 threads.
Look for: under 'new' the times stay about the same (only one thread runs bytecode at a time:
the GIL serialises them). Under 'old' several threads are SLOWER than one (the GIL battle:
watch the failed wake-ups), and less slow after kernel.cores(1). Under 'none' (free-threaded)
they get faster, up to the cores the host really gives.
""")
    if isinstance(threads, int):
        threads = (threads,)
    base = None
    for k in threads:
        dt = _run_threads(_countdown_loop, [(n // k,)] * k)
        if base is None:
            base = dt
        print("  %d thread(s): %.3f s  (%.2fx the first)" % (k, dt, dt / base if base else 1.0))
        print("RESULT demo=countdown threads=%d seconds=%.4f policy=%s" % (k, dt, _policy()))
    print("\nNow: kernel.timeline() shows who held the GIL.")


# ---- counter race: `x += 1` is several bytecodes -------------------------------------------
def counter(n=200000, lock=False):
    """two threads add 1 to a global n times each, with or without a Lock (a lost-update race)"""
    _explain("""
COUNTER: two threads each do `x += 1` %d times on one global%s.
Look for: with the lock the total is always exact. Without it, 'none' loses updates (both
threads load, add and store at once). 'new' and 'prio' only switch at loop back-edges and
calls, never between the load and the store of `x += 1`, so they come out exact here; 'old'
checks at EVERY instruction and can lose updates. The GIL makes one bytecode atomic, not one
statement: only a Lock makes `x += 1` correct everywhere.
""" % (n, " under a threading.Lock" if lock else " WITHOUT a lock"))
    g = {"x": 0}
    lk = threading.Lock()

    def work_nolock():
        for i in range(n):
            g["x"] += 1

    def work_lock():
        for i in range(n):
            with lk:
                g["x"] += 1

    dt = _run_threads(work_lock if lock else work_nolock, [(), ()])
    lost = 2 * n - g["x"]
    print("  total %d of %d: %d lost, %.3f s" % (g["x"], 2 * n, lost, dt))
    print("RESULT demo=counter lock=%d total=%d lost=%d seconds=%.4f policy=%s"
          % (1 if lock else 0, g["x"], lost, dt, _policy()))


def counter_lock(n=200000):
    """the counter race fixed with threading.Lock"""
    counter(n, lock=True)


# ---- sleepers -------------------------------------------------------------------------------
def sleepers(threads=5, seconds=1.0):
    """five threads each sleep; they finish together (I/O releases the GIL)"""
    _explain("""
SLEEPERS: %d threads each call time.sleep(%s).
Look for: the whole thing takes about %s s, not %d x %s s: a sleeping thread does not hold the
GIL, which is why threads are good for I/O. In kernel.timeline() they show as 'z'.
""" % (threads, seconds, seconds, threads, seconds))
    dt = _run_threads(time.sleep, [(seconds,)] * threads)
    print("  %d sleepers of %.2f s took %.3f s" % (threads, seconds, dt))
    print("RESULT demo=sleepers threads=%d seconds=%.4f policy=%s" % (threads, dt, _policy()))


# ---- readers (the disk) ---------------------------------------------------------------------
def readers(threads=4, kib=64, folder="/"):
    """threads each read their own file; together about as long as one (the disk releases the GIL)"""
    _explain("""
READERS: %d files of %d KiB, read first one after another by one thread, then by %d threads at
once, one file each. Look for: the threads take about the time of one file, not %d times it:
a thread waiting for the disk does not hold the GIL (file.read() drops it, as time.sleep does).
On a fast disk the difference is small; boot with a modelled device latency to see it
(KARGS=DISK_LATENCY_US=10000: every request takes at least 10 ms, a disk seek; requests in
flight overlap).
""" % (threads, kib, threads, threads))
    names = []
    for i in range(threads):
        name = folder.rstrip("/") + "/readers_%d.bin" % i
        try:
            ok = os.stat(name).st_size == kib * 1024
        except OSError:
            ok = False
        if not ok:
            with open(name, "wb") as f:
                f.write(bytes([i]) * (kib * 1024))
        names.append(name)

    def read_one(name):
        with open(name, "rb") as f:
            f.read()

    t0 = time.perf_counter()
    for name in names:
        read_one(name)
    serial = time.perf_counter() - t0
    parallel = _run_threads(read_one, [(n,) for n in names])
    print("  one thread, %d files in turn: %.3f s; %d threads at once: %.3f s"
          % (threads, serial, threads, parallel))
    print("RESULT demo=readers threads=%d serial=%.4f parallel=%.4f policy=%s"
          % (threads, serial, parallel, _policy()))


# ---- requests (the network) -----------------------------------------------------------------
def web_requests(url=None, threads=5, delay=2):
    """five threads each fetch a slow page; together about as long as one (the network releases the GIL)"""
    if url is None:
        # the host's test server (python3 qemu/tollbooth.py serve): "host" from the guest
        url = "http://%s:8080/delay/%s" % ("host" if kernel is not None else "127.0.0.1", delay)
    elif "/delay/" in url:
        delay = url.rpartition("/delay/")[2].partition("?")[0]
    _explain("""
REQUESTS (the GIL walkthrough's I/O example): %d requests to %s, a page that answers after
%s s: first one after another by one thread, then by %d threads at once, one request each.
Look for: the threads take about %s s, not %d x %s s: while a thread waits for the network it
does not hold the GIL (socket.recv() drops it, as time.sleep does), so the others send their
requests meanwhile. In kernel.timeline() the %d threads wait ('z') side by side.
Needs the test server on the host: python3 qemu/tollbooth.py serve
""" % (threads, url, delay, threads, delay, threads, delay, threads))
    try:
        import requests
    except ImportError as e:
        print("  (no network in this build: %s)" % e)
        return
    results = []

    def io_task(u):
        try:
            results.append(requests.get(u).status_code)
        except requests.RequestException as e:
            results.append(type(e).__name__)

    t0 = time.perf_counter()
    for i in range(threads):
        io_task(url)
    serial = time.perf_counter() - t0
    if results[0] != 200:
        print("  cannot fetch %s: %s. Is the server running on the host (python3 "
              "qemu/tollbooth.py serve)?" % (url, results[0]))
        return
    del results[:]
    parallel = _run_threads(io_task, [(url,)] * threads)
    ok = results.count(200)
    print("  one thread, %d requests in turn: %.3f s; %d threads at once: %.3f s (%d of %d "
          "answered 200)" % (threads, serial, threads, parallel, ok, threads))
    print("RESULT demo=requests threads=%d sequential=%.4f threaded=%.4f ok=%d policy=%s"
          % (threads, serial, parallel, ok, _policy()))


# ---- convoy ---------------------------------------------------------------------------------
def convoy(ops=50, sleep_ms=1.0):
    """an I/O thread next to a CPU-bound one: per-operation latency (bpo-7946)"""
    _explain("""
CONVOY: one thread does %d short sleeps of %s ms (like I/O) while another spins in Python.
Look for: each I/O operation costs about the switch interval under 'new' (after its sleep the
I/O thread waits for the spinner's drop request), close to the sleep itself under 'prio'
(interactive threads get the GIL at the holder's next check).
""" % (ops, sleep_ms))
    state = {"stop": False}

    def spinner():
        x = 0
        while not state["stop"]:
            x += 1

    sp = threading.Thread(target=spinner)
    sp.start()
    time.sleep(0.02)
    t0 = time.perf_counter()
    for i in range(ops):
        time.sleep(sleep_ms / 1000.0)
    dt = time.perf_counter() - t0
    state["stop"] = True
    sp.join()
    per = dt / ops * 1000.0
    print("  %.2f ms per operation (the sleep itself is %.2f ms)" % (per, sleep_ms))
    print("RESULT demo=convoy ms_per_op=%.3f policy=%s" % (per, _policy()))


# ---- unsafe ---------------------------------------------------------------------------------
def unsafe(threads=4, n=20000):
    """no GIL and no protection: four threads mutate one list (run under GIL=unsafe)"""
    _explain("""
UNSAFE: %d threads append to and pop from ONE list.
Look for: under 'unsafe' (sys.setgilpolicy("unsafe") first, with no other thread running) the
reference counts and the list race: the interpreter reports `refcount corruption detected`,
resets, and the kernel and this console survive. Under every other policy it is just slow.
""" % threads)
    shared = []

    def work():
        for i in range(n):
            shared.append(i)
            if len(shared) > 10:
                try:
                    shared.pop()
                except IndexError:
                    pass

    dt = _run_threads(work, [()] * threads)
    print("  survived: list length %d, %.3f s" % (len(shared), dt))
    print("RESULT demo=unsafe threads=%d seconds=%.4f policy=%s" % (threads, dt, _policy()))


# ---- native call without the GIL ------------------------------------------------------------
def native(threads=(1, 2, 4), n=4000000):
    """C code that releases the GIL scales; the same C code holding it does not"""
    _explain("""
NATIVE: the NumPy lesson. native.spin(n) is C code that releases the GIL while it computes;
native.spin_gil(n) is the same loop keeping the GIL.
Look for: with spin, more threads finish the same total work sooner (up to the cores online);
with spin_gil they take as long as one thread.
""")
    try:
        import native as nat
    except ImportError:
        print("  (no native module in this build)")
        return
    if isinstance(threads, int):
        threads = (threads,)
    for fn, name in ((nat.spin, "spin"), (nat.spin_gil, "spin_gil")):
        for k in threads:
            dt = _run_threads(fn, [(n // k,)] * k)
            print("  %-8s %d thread(s): %.3f s" % (name, k, dt))
            print("RESULT demo=native fn=%s threads=%d seconds=%.4f" % (name, k, dt))


# ---- multiprocessing ------------------------------------------------------------------------
def _mp_square(x):
    t = 0
    for i in range(x):
        t += i * i
    return t


def processes(n=200000, workers=2):
    """the same CPU-bound work in threads and in processes (each has its own GIL)"""
    _explain("""
PROCESSES: multiprocessing gives each worker its own interpreter and its own GIL, so CPU-bound
work runs in parallel; threads share one GIL.
Look for: the Pool finishes sooner than the threads when more than one core is online.
""")
    try:
        import multiprocessing
    except ImportError:
        print("  (no multiprocessing in this build)")
        return
    dt_t = _run_threads(_mp_square, [(n,)] * workers)
    t0 = time.perf_counter()
    with multiprocessing.Pool(workers) as p:
        p.map(_mp_square, [n] * workers)
    dt_p = time.perf_counter() - t0
    print("  %d threads: %.3f s   %d processes: %.3f s" % (workers, dt_t, workers, dt_p))
    print("RESULT demo=processes workers=%d threads_s=%.4f processes_s=%.4f" % (workers, dt_t, dt_p))


_DEMOS = [
    ("countdown", countdown),
    ("counter", counter),
    ("counter_lock", counter_lock),
    ("sleepers", sleepers),
    ("readers", readers),
    ("requests", web_requests),
    ("convoy", convoy),
    ("unsafe", unsafe),
    ("native", native),
    ("processes", processes),
]


def list():
    print("demos (run with demos.run(name, **options); then kernel.timeline()):")
    for name, fn in _DEMOS:
        print("  %-13s %s" % (name, fn.__doc__))
    print("source: interp/lib/demos.py in the Tollbooth tree")


def show(name):
    for n, fn in _DEMOS:
        if n == name:
            print("%s: see def %s in interp/lib/demos.py — %s" % (name, fn.__name__, fn.__doc__))
            return
    raise ValueError("no demo named %r (demos.list())" % (name,))


def run(name, **kw):
    for n, fn in _DEMOS:
        if n == name:
            return fn(**kw)
    raise ValueError("no demo named %r (demos.list())" % (name,))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(sys.argv[1])
    else:
        list()
