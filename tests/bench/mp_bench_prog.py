# Multiprocessing figures, printed as "MPBENCH key value" lines (tests/bench/mp_bench.py runs
# this on the host tollpy and in the guest with -smp 2 and -smp 4).
#   argv: [work per task (loop count), tasks for Pool.map]
import sys
import time
import multiprocessing as mp


def noop():
    pass


def echo(inq, outq):
    while True:
        m = inq.get()
        if m is None:
            break
        outq.put(m)


def cpu_task(n):
    # small ints only: pure bytecode, no allocation (the guest's newlib malloc has one global
    # lock, so big-int-heavy work -- the tutorial's total += i*i past 2**30 -- contends on it)
    total = 0
    for i in range(n):
        total += i & 7
    return total


def inc_nolock(x, n):
    for _ in range(n):
        x.value += 1


def inc_lock(x, lock, n):
    for _ in range(n):
        with lock:
            x.value += 1


def report(k, v):
    print("MPBENCH %s %s" % (k, v))


if __name__ == "__main__":
    work = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    report("cores", mp.cpu_count())
    # 1. start + join of a process doing nothing (the child re-runs this module's top level)
    times = []
    stats = None
    for i in range(10):
        t0 = time.perf_counter()
        p = mp.Process(target=noop)
        p.start()
        p.join()
        times.append(time.perf_counter() - t0)
        stats = p._stats() if hasattr(p, "_stats") else None
    times.sort()
    report("start_join_ms_median", "%.2f" % (times[len(times) // 2] * 1000))
    report("start_join_ms_min", "%.2f" % (times[0] * 1000))
    if stats:
        report("child_ready_ms", "%.2f" % (stats["ready_ns"] / 1e6))
        report("mem_interp_bytes", stats["mem_base"])
        report("mem_after_main_bytes", stats["mem_main"])
        report("mem_left_after_exit_bytes", stats["mem_end"])
        report("stack_bytes", stats["stack"])
    # 2. Queue round trip (parent -> echo process -> parent), small message
    a = mp.Queue()
    b = mp.Queue()
    e = mp.Process(target=echo, args=(a, b))
    e.start()
    a.put(0)
    b.get()
    n = 200
    t0 = time.perf_counter()
    for i in range(n):
        a.put(i)
        b.get()
    rt = (time.perf_counter() - t0) / n
    a.put(None)
    e.join()
    report("queue_roundtrip_us", "%.1f" % (rt * 1e6))
    # 3. Pool(n).map speed-up over sequential
    t0 = time.perf_counter()
    seq = [cpu_task(work) for _ in range(tasks)]
    tseq = time.perf_counter() - t0
    report("seq_s", "%.3f" % tseq)
    for procs in (1, 2, 4):
        pool = mp.Pool(procs)
        pool.map(noop if False else abs, [1] * procs)      # workers up and running
        t0 = time.perf_counter()
        r = pool.map(cpu_task, [work] * tasks, 1)
        tp = time.perf_counter() - t0
        pool.close()
        pool.join()
        assert r == seq
        report("pool%d_s" % procs, "%.3f" % tp)
        report("pool%d_speedup" % procs, "%.2f" % (tseq / tp))
    # 4. two processes on cpu_task vs one (tests/mp/processes_cpu_bound.py's program)
    t0 = time.perf_counter()
    p = mp.Process(target=cpu_task, args=(work * 2,))
    p.start()
    p.join()
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    ps = [mp.Process(target=cpu_task, args=(work * 2,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    two = time.perf_counter() - t0
    report("one_process_s", "%.3f" % one)
    report("two_processes_s", "%.3f" % two)
    report("two_over_one", "%.2f" % (two / one))
    # 5. the shared counter: two processes, Value without / with a Lock
    #    (tests/mp/value_without_lock.py, value_with_lock.py)
    cn = work // 4
    x = mp.Value('i', 0)
    ps = [mp.Process(target=inc_nolock, args=(x, cn)) for _ in range(2)]
    t0 = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    t = time.perf_counter() - t0
    report("counter_nolock_lost_pct", "%.1f" % (100.0 * (2 * cn - x.value) / (2 * cn)))
    report("counter_nolock_us_per_op", "%.2f" % (t * 1e6 / (2 * cn)))
    x = mp.Value('i', 0)
    lock = mp.Lock()
    ps = [mp.Process(target=inc_lock, args=(x, lock, cn)) for _ in range(2)]
    t0 = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    t = time.perf_counter() - t0
    report("counter_lock_exact", x.value == 2 * cn)
    report("counter_lock_us_per_op", "%.2f" % (t * 1e6 / (2 * cn)))
