# The same CPU-bound job, side by side: sequential, threads under the GIL, processes (one
# interpreter and one GIL each), and threads with no GIL at all (policy `none`, PEP 703 style).
#   host:  build/host/tollpy tests/mp/demo_threads_vs_processes.py [workers] [n]
#   guest: make run SCRIPT=tests/mp/demo_threads_vs_processes.py EXIT=1 CPUS=2 ARGS="2 200000"
# Runs under CPython too (the `none` row is then skipped: CPython 3.11 has no switchable GIL).
import sys
import time
import threading
import multiprocessing as mp


def cpu_task(n):
    # the GIL tutorial's loop, kept in small ints (i & 7 instead of i * i): on the 32-bit guest i * i
    # passes 2**30 and every big int is a malloc under newlib's one global lock, which would
    # measure the allocator instead of the interpreters
    total = 0
    for i in range(n):
        total += i & 7
    return total


def run_threads(workers, n):
    ts = [threading.Thread(target=cpu_task, args=(n,)) for _ in range(workers)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def run_processes(workers, n):
    ps = [mp.Process(target=cpu_task, args=(n,)) for _ in range(workers)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()


def timed(fn, *args):
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


if __name__ == "__main__":
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else min(mp.cpu_count(), 4)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    print("%d workers x cpu_task(%d), %d cores online" % (workers, n, mp.cpu_count()))
    seq = timed(lambda: [cpu_task(n) for _ in range(workers)])
    rows = [("sequential", seq)]
    rows.append(("threads (GIL %s)" % (sys.getgilpolicy() if hasattr(sys, "getgilpolicy") else "on"),
                 timed(run_threads, workers, n)))
    rows.append(("processes", timed(run_processes, workers, n)))
    if hasattr(sys, "setgilpolicy"):
        old = sys.getgilpolicy()
        sys.setgilpolicy("none")
        rows.append(("threads (GIL none)", timed(run_threads, workers, n)))
        sys.setgilpolicy(old)
    print("%-20s %9s %9s" % ("", "seconds", "speed-up"))
    for name, t in rows:
        print("%-20s %9.3f %8.2fx" % (name, t, seq / t))
