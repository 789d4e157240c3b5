#!/usr/bin/python3
"""tests/report/report.py — `make report`: the GIL articles' claims as experiments, on the host
tollpy and on the guest (QEMU, CPUS=2), with the articles' own figures beside ours.

Writes docs/report/results.csv (platform,experiment,config,value,unit), docs/report/*.png
(gnuplot) and docs/report/report.md (tables, then sentences computed from this run's figures:
the measured ratio first, then the explanation that matches it). Each countdown, native and
multiprocessing cell is the median of 3 runs; the defaults make a host cell ~0.5-1 s and a guest
cell ~0.5-1 s, and the whole run a few minutes on the 2-core dev machine.
Figures, never assertions: the dev host has 2 cores and is shared; the guest is TCG-emulated.
  --tollpy PATH  --kernel PATH  --out DIR  --host-count N  --guest-count N  --host-native N
  --guest-native N  --host-mp-work N  --guest-mp-work N  --old-host-count N  --no-guest
The `old` section (OLDPROG, old_battle_run / old_battle_md / plot_old_sweep) runs the countdown
under Python 2's ticker on the host and in two more guests (CPUS=2 and CPUS=1): the ticks alone,
the battle's counters and the holder's time in it, and a check-interval sweep; every sentence
on `old`'s slowdown cites those figures (old_cause).
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "qemu"))
import tollbooth  # noqa: E402  (the launcher)
import scaling  # noqa: E402  (tests/report/scaling.py: the scaling curves' section)
import requests_io  # noqa: E402  (tests/report/requests_io.py: the network experiment's section)

# David Beazley, "Understanding the Python GIL" (PyCon 2010): his CPython 2.6 countdown times (s).
BEAZLEY_2010 = {
    ("countdown", "sequential"): 7.8, ("countdown", "old 2 threads"): 15.4,
    ("countdown", "old 4 threads"): 15.7, ("countdown", "old 2 threads, 1 core"): 11.3,
}

PROG = r'''
import sys
import time
import _thread
import gil
import native

COUNT = __COUNT__
NATIVE = __NATIVE__
REPEAT = 3
done_lock = _thread.allocate_lock()
done = [0]
# The main thread waits for its workers by blocking on all_done, which the last one to finish
# releases, as Beazley's t.join() does: a main thread that polled with 1 ms sleeps would wake a
# thousand times a second, and every wake-up takes the GIL from the workers (under `prio` at once:
# it comes back from blocking, the very traffic that policy serves first), which the figures
# would then charge to the policy.
all_done = _thread.allocate_lock()
expect = [0]

def finished():
    done_lock.acquire()
    done[0] += 1
    if done[0] == expect[0]:
        all_done.release()
    done_lock.release()

def start_waiting(n):
    done[0] = 0
    expect[0] = n
    all_done.acquire()

def wait_done():
    all_done.acquire()
    all_done.release()

def settle():
    while gil.stats()["threads"] > 1:
        time.sleep(0.002)

def run_threads(n, fn, arg):
    start_waiting(n)
    t0 = time.perf_counter()
    i = 0
    while i < n:
        _thread.start_new_thread(fn, (arg,))
        i += 1
    wait_done()
    el = time.perf_counter() - t0
    settle()
    return el

def median(v):
    v = sorted(v)
    return v[len(v) // 2]

def countdown(n):
    while n > 0:
        n -= 1

def countdown_t(n):
    countdown(n)
    finished()

def objwork(n):
    a = []
    d = {}
    while n > 0:
        a.append(n)
        d[n & 15] = a.pop()
        n -= 1

def out(exp, cfg, v, unit):
    print("RESULT|%s|%s|%s|%s" % (exp, cfg, v, unit))

def timed_seq(fn, n):
    t0 = time.perf_counter()
    fn(n)
    return time.perf_counter() - t0

def countdown_run(policy, nthreads, one_core=False):
    # one countdown of COUNT (in the main thread, or split over nthreads), optionally held to one
    # core: its time and the GIL counters of that run
    sys.setgilpolicy(policy)
    ncores = gil.cores()
    if one_core:
        gil.cores(1)
    gil.reset()
    if nthreads == 0:
        el = timed_seq(countdown, COUNT)
    else:
        el = run_threads(nthreads, countdown_t, COUNT // nthreads)
    s = gil.stats()
    if one_core:
        gil.cores(ncores)
    return el, s

def cell(policy, nthreads, one_core=False):
    # REPEAT runs; the median time, and the GIL counters of that median run
    runs = []
    k = 0
    while k < REPEAT:
        el, s = countdown_run(policy, nthreads, one_core)
        runs.append((el, s["switches"], s["drop_requests"], s["failed_wakeups"]))
        k += 1
    runs = sorted(runs)
    return runs[len(runs) // 2]

seq = {}
ncores = gil.cores()
for policy in ["new", "old", "none"]:
    r = cell(policy, 0)
    seq[policy] = r[0]
    out("countdown", policy + " sequential", r[0], "s")
    for n in [2, 4]:
        r = cell(policy, n)
        out("countdown", "%s %d threads" % (policy, n), r[0], "s")
        if policy != "none":
            out("gil", "%s %d threads switches" % (policy, n), r[1], "")
            out("gil", "%s %d threads drop requests" % (policy, n), r[2], "")
            out("gil", "%s %d threads failed wake-ups" % (policy, n), r[3], "")
    if policy == "old" and ncores > 1:
        r = cell("old", 2, True)
        out("countdown", "old 2 threads, 1 core", r[0], "s")
        out("gil", "old 2 threads, 1 core failed wake-ups", r[3], "")
out("freethreaded", "countdown none/new single-thread time", seq["none"] / seq["new"], "x")
ow = {}
for policy in ["new", "none"]:
    sys.setgilpolicy(policy)
    ow[policy] = median([timed_seq(objwork, COUNT // 8) for k in range(REPEAT)])
    out("freethreaded", "objects %s single-thread" % policy, ow[policy], "s")
out("freethreaded", "objects none/new single-thread time", ow["none"] / ow["new"], "x")
sys.setgilpolicy("new")

def native_t(n):
    native.spin(n)
    finished()
def native_gil_t(n):
    native.spin_gil(n)
    finished()
t1 = median([timed_seq(native.spin, NATIVE) for k in range(REPEAT)])
t2 = median([run_threads(2, native_t, NATIVE // 2) for k in range(REPEAT)])
g2 = median([run_threads(2, native_gil_t, NATIVE // 2) for k in range(REPEAT)])
out("native", "spin 1 thread", t1, "s")
out("native", "spin 2 threads (GIL dropped)", t2, "s")
out("native", "spin_gil 2 threads (GIL kept)", g2, "s")
out("native", "speed-up 2 threads, GIL dropped", t1 / t2, "x")
out("native", "speed-up 2 threads, GIL kept", t1 / g2, "x")

x = [0]
lk = _thread.allocate_lock()
def inc(n):
    while n > 0:
        x[0] += 1
        n -= 1
    finished()
def inc_locked(n):
    while n > 0:
        lk.acquire()
        x[0] += 1
        lk.release()
        n -= 1
    finished()
N = COUNT // 40
for policy in ["new", "old", "none"]:
    sys.setgilpolicy(policy)
    for fn, name in [(inc, "no lock"), (inc_locked, "lock")]:
        x[0] = 0
        run_threads(2, fn, N)
        out("counter", "%s %s lost updates" % (policy, name), 2 * N - x[0], "")
out("counter", "increments per thread", N, "")
sys.setgilpolicy("new")

def sleeper(d):
    time.sleep(d)
    finished()
el = run_threads(5, sleeper, 0.5)
out("sleepers", "5 threads x sleep(0.5)", el, "s")

stop = [False]
lat = []
def spin(a):
    while not stop[0]:
        pass
    finished()
def io(a):
    i = 0
    while i < 100:
        t0 = time.perf_counter()
        time.sleep(0.001)
        lat.append(time.perf_counter() - t0)
        i += 1
    stop[0] = True
    finished()
i = 0                                  # the platform's own cost: the same sleeps with no other thread
while i < 100:
    t0 = time.perf_counter()
    time.sleep(0.001)
    lat.append(time.perf_counter() - t0)
    i += 1
out("convoy", "alone per 1 ms sleep", sum(lat) / len(lat) * 1000, "ms")
for policy in ["new", "prio"]:
    sys.setgilpolicy(policy)
    stop[0] = False
    lat.clear()
    start_waiting(2)
    _thread.start_new_thread(spin, (0,))
    time.sleep(0.01)
    _thread.start_new_thread(io, (0,))
    wait_done()
    settle()
    out("convoy", policy + " per 1 ms sleep", sum(lat) / len(lat) * 1000, "ms")
sys.setgilpolicy("new")

# prio's throughput beside its latency (the convoy above): the countdown under prio and, in the
# same rounds, under new. A round runs every cell once (sequential; 1, 2 and 4 threads; 2 threads
# held to one core), so a drift of the host's speed, which on a shared machine swings a lone
# countdown by 10-30% between runs of one boot, hits every cell of a round alike: each ratio is
# taken within its round and the median round's ratio is reported, with that round's counters
# (gil_prio.c: slices, preemptions, resumes, futile wake-ups, spins; gil.c: the time the GIL sat
# free between a release and the next take while a thread waited, and core_run_ms, the time it
# was held). "held x 1 thread": the time the GIL was held (the threads' own work) against the
# same round's one-thread run: above 1, the same work ran slower while other threads existed.
PRIO_ROUNDS = 5
PRIO_CELLS = [(0, False), (1, False), (2, False), (4, False), (2, True)]

def prio_run(policy, nthreads, one_core):
    el, s = countdown_run(policy, nthreads, one_core)
    return (el, s.get("prio_slices", 0), s.get("prio_preemptions", 0), s.get("prio_resumes", 0),
            s.get("handoff_total_ms", 0.0), s.get("prio_futile_wakeups", 0), s["switches"],
            s.get("prio_spin_hits", 0), s.get("prio_spin_misses", 0), sum(s["core_run_ms"]) / 1000)

prounds = []
r = 0
while r < PRIO_ROUNDS:
    rnd = {}
    for pol in ["new", "prio"]:
        for c in PRIO_CELLS:
            rnd[(pol,) + c] = prio_run(pol, c[0], c[1])
    prounds.append(rnd)
    r += 1

def prio_median(f):
    # the round whose f is the median, and that value
    v = sorted([(f(rnd), i) for i, rnd in enumerate(prounds)])
    return v[len(v) // 2]

for pol in ["prio", "new"]:
    tag = "" if pol == "prio" else "new "
    out("prio", tag + "sequential", median([rnd[(pol, 0, False)][0] for rnd in prounds]), "s")
    for n in [1, 2, 4]:
        x, i = prio_median(lambda rnd: rnd[(pol, n, False)][0] / rnd[(pol, 0, False)][0])
        c = prounds[i][(pol, n, False)]
        out("prio", tag + "%d threads" % n, c[0], "s")
        out("prio", tag + "%d threads x sequential" % n, x, "x")
        rs = [rnd[(pol, n, False)][0] / rnd[(pol, 0, False)][0] for rnd in prounds]
        out("prio", tag + "%d threads x sequential, lowest round" % n, min(rs), "x")
        out("prio", tag + "%d threads x sequential, highest round" % n, max(rs), "x")
        if n == 1:
            continue
        one = prounds[i][(pol, 1, False)]
        out("prio", tag + "%d threads held x 1 thread" % n, c[9] / one[9] if one[9] > 0 else 0, "x")
        out("prio", tag + "%d threads GIL free" % n, c[4], "ms")
        out("prio", tag + "%d threads switches" % n, c[6], "")
        if pol == "new":
            continue
        out("prio", "%d threads slices" % n, c[1], "")
        out("prio", "%d threads preemptions" % n, c[2], "")
        out("prio", "%d threads resumes" % n, c[3], "")
        out("prio", "%d threads futile wake-ups" % n, c[5], "")
        out("prio", "%d threads spins that saw the release" % n, c[7], "")
        out("prio", "%d threads spins in vain" % n, c[8], "")
    x, i = prio_median(lambda rnd: rnd[(pol, 2, True)][0] / rnd[(pol, 0, False)][0])
    out("prio", tag + "2 threads, 1 core x sequential", x, "x")
sys.setgilpolicy("new")
out("switch", "switch interval", sys.getswitchinterval() * 1000, "ms")
'''

# Pool(n).map against the same work done sequentially, REPEAT times each, medians.
# The seeds' disk experiment: 4 files read one after another by one thread, then by 4 threads at
# once. The guest boots with a disk and a modelled device latency (DISK_LATENCY_US: QEMU's own
# throttling is a shared rate that would serialise the requests; drivers/virtio_blk.c says more);
# the host reads from its page cache, so there the two are about equal.
READPROG = r'''
import os
import time
import _thread

DIR = __DIR__
FILES = 4
KIB = 64
done = [0]
lk = _thread.allocate_lock()

def out(exp, cfg, v, unit):
    print("RESULT|%s|%s|%.6f|%s" % (exp, cfg, v, unit))

def read_one(name):
    with open(name, "rb") as f:
        f.read()
    lk.acquire()
    done[0] += 1
    lk.release()

names = [DIR + "/readers_%d.bin" % i for i in range(FILES)]
for i, name in enumerate(names):
    with open(name, "wb") as f:
        f.write(bytes([i]) * (KIB * 1024))
serial = []
parallel = []
for k in range(3):
    t0 = time.perf_counter()
    for name in names:
        read_one(name)
    serial.append(time.perf_counter() - t0)
    done[0] = 0
    t0 = time.perf_counter()
    for name in names:
        _thread.start_new_thread(read_one, (name,))
    while done[0] < FILES:
        time.sleep(0.001)
    parallel.append(time.perf_counter() - t0)
for name in names:
    os.remove(name)
out("readers", "4 x 64 KiB, one thread in turn", sorted(serial)[1], "s")
out("readers", "4 x 64 KiB, 4 threads at once", sorted(parallel)[1], "s")
'''

MPPROG = r'''
import sys
import time
import multiprocessing as mp

WORK = __WORK__
TASKS = 8
REPEAT = 3

def cpu_task(n):
    total = 0
    for i in range(n):
        total += i & 7
    return total

def median(v):
    v = sorted(v)
    return v[len(v) // 2]

def main():
    seqt = []
    for k in range(REPEAT):
        t0 = time.perf_counter()
        ref = [cpu_task(WORK) for _ in range(TASKS)]
        seqt.append(time.perf_counter() - t0)
    tseq = median(seqt)
    print("RESULT|multiprocessing|sequential|%s|s" % tseq)
    sys.stdout.flush()
    for procs in (1, 2):
        pool = mp.Pool(procs)
        pool.map(abs, [1] * procs)
        ts = []
        for k in range(REPEAT):
            t0 = time.perf_counter()
            r = pool.map(cpu_task, [WORK] * TASKS, 1)
            ts.append(time.perf_counter() - t0)
            assert r == ref
        pool.close()
        pool.join()
        tp = median(ts)
        print("RESULT|multiprocessing|Pool(%d)|%s|s" % (procs, tp))
        print("RESULT|multiprocessing|Pool(%d) speed-up|%s|x" % (procs, tseq / tp))


if __name__ == "__main__":
    main()
'''


# ---- old GIL: the battle's price and the check-interval sweep (own section) ----------------
# The `old` policy (Python 2's ticker, interp/gil/gil_old.c) under the countdown: sequential,
# the ticks alone (a second thread blocked on a lock: ticks on, nobody waits for the GIL),
# and COUNT split over 2 threads at sys.setcheckinterval 10, 100, 1000, 10000, with the GIL's
# own counters of each run: switches, failed wake-ups, and the battle rounds the holder won
# (release with a waiter, re-acquire before anyone else) with the holder's time inside them
# (battle_ns, port_time_ns). The main thread waits on a lock (not a polling loop, which would
# be a GIL waiter of its own), as Beazley's joins did. Medians of 3 for the sequential run, the
# ticks alone and interval 100 (the cell the sentences cite); one run for the other intervals.
OLDPROG = r"""
import sys
import time
import _thread
import gil

COUNT = __COUNT__
lk = _thread.allocate_lock()
left = [0]
finished = _thread.allocate_lock()
finished.acquire()

def out(cfg, v, unit):
    print("RESULT|oldgil|%s|%s|%s" % (cfg, v, unit))

def countdown(n):
    while n > 0:
        n -= 1

def countdown_t(n):
    countdown(n)
    lk.acquire()
    left[0] -= 1
    last = left[0] == 0
    lk.release()
    if last:
        finished.release()

def settle():
    while gil.stats()["threads"] > 1:
        time.sleep(0.002)

def two_threads():
    left[0] = 2
    gil.reset()
    t0 = time.perf_counter()
    _thread.start_new_thread(countdown_t, (COUNT // 2,))
    _thread.start_new_thread(countdown_t, (COUNT // 2,))
    finished.acquire()
    el = time.perf_counter() - t0
    s = gil.stats()
    settle()
    return (el, s)

def lone():
    hold = _thread.allocate_lock()
    hold.acquire()
    def blocked():
        hold.acquire()
        hold.release()
    wid = _thread.start_new_thread(blocked, ())
    # its first blocking call: once it counted an I/O wait it no longer holds or wants the GIL
    while not [t for t in gil.threads() if t["ident"] == wid and t["io_waits"] >= 1]:
        time.sleep(0.001)
    t0 = time.perf_counter()
    countdown(COUNT)
    el = time.perf_counter() - t0
    hold.release()
    settle()
    return (el, None)

def median_run(fn, n):
    runs = sorted([fn() for k in range(n)], key=lambda r: r[0])
    return runs[len(runs) // 2]

def seq_run():
    t0 = time.perf_counter()
    countdown(COUNT)
    return (time.perf_counter() - t0, None)

# the control: the same 2-thread countdown under `new` in the same boot (no ticks, no battle:
# what handing the GIL from one thread to another costs on this machine by itself)
sys.setgilpolicy("new")
out("new sequential", median_run(seq_run, 3)[0], "s")
el, s = median_run(two_threads, 3)
out("new 2 threads", el, "s")
out("new 2 threads switches", s["switches"], "")
out("new 2 threads handoff_mean_us", s["handoff_mean_us"], "us")
sys.setgilpolicy("old")
out("sequential", median_run(seq_run, 3)[0], "s")
sys.setcheckinterval(100)
out("ticks alone", median_run(lone, 3)[0], "s")
for iv in [10, 100, 1000, 10000]:
    sys.setcheckinterval(iv)
    el, s = median_run(two_threads, 3 if iv == 100 else 1)
    c = "interval %d " % iv
    out(c + "2 threads", el, "s")
    for k in ["switches", "failed_wakeups", "interval_checks", "battle_rounds", "battle_wakeups",
              "battle_ns"]:
        out(c + k, s[k], "")
sys.setcheckinterval(100)
sys.setgilpolicy("new")
"""
OLD_INTERVALS = [10, 100, 1000, 10000]
# where each platform label of this section ran (the guest twice: CPUS=2 and CPUS=1)
OLD_PLATFORMS = [("host", "host tollpy"), ("guest", "guest CPUS=2"), ("guest CPUS=1", "guest CPUS=1")]


def old_battle_run(a, tmp, rows):
    """Runs OLDPROG on the host and (unless --no-guest) in guests with CPUS=2 and CPUS=1."""
    path = os.path.join(tmp, "old_host.py")
    open(path, "w").write(OLDPROG.replace("__COUNT__", str(a.old_host_count)))
    print(f"report: old GIL battle and check-interval sweep, host (COUNT={a.old_host_count}) ...", flush=True)
    rc, out = run([a.tollpy, path])
    parse("host", out, rows)
    if rc != 0:
        print(f"report: old GIL host run status {rc}\n{out[-2000:]}", file=sys.stderr)
    if a.no_guest:
        return
    path = os.path.join(tmp, "old_guest.py")
    open(path, "w").write(OLDPROG.replace("__COUNT__", str(a.guest_count)))
    for cpus, plat in [(2, "guest"), (1, "guest CPUS=1")]:
        print(f"report: old GIL battle and check-interval sweep, guest CPUS={cpus} "
              f"(COUNT={a.guest_count}) ...", flush=True)
        rc, out = guest(a.kernel, path, cpus, 1800)
        parse(plat, out, rows)
        if rc != 0:
            print(f"report: old GIL guest CPUS={cpus} status {rc}\n{out[-2000:]}", file=sys.stderr)


def old_figures(rows, plat, iv=100):
    """The oldgil figures of one platform at one check interval, or None when not measured."""
    def g(cfg):
        return val(rows, plat, "oldgil", cfg)
    seq, t2 = g("sequential"), g(f"interval {iv} 2 threads")
    if not seq or t2 is None:
        return None
    f = {"seq": seq, "t2": t2, "ratio": t2 / seq, "alone": g("ticks alone")}
    for k in ["switches", "failed_wakeups", "interval_checks", "battle_rounds", "battle_wakeups",
              "battle_ns"]:
        f[k] = g(f"interval {iv} {k}") or 0
    f["battle_s"] = f["battle_ns"] / 1e9
    f["excess_s"] = t2 - seq
    ns, n2 = g("new sequential"), g("new 2 threads")
    f["new_ratio"] = n2 / ns if ns and n2 else None
    f["new_switches"], f["new_handoff_us"] = g("new 2 threads switches"), g("new 2 threads handoff_mean_us")
    return f


def old_cause(rows, plat):
    """One sentence on the cause of `old`'s 2-thread slowdown on plat, every part of it a figure
    of this run's oldgil section (interval 100); says so when the run cannot tell."""
    f = old_figures(rows, plat)
    if f is None:
        return " This run did not measure the battle (no `old` battle section for this platform)."
    t = (f" Cause, from the battle section of this run (countdown {f['ratio']:.2f}x there): the "
         "ticks themselves cost " + (f"{f['alone'] / f['seq']:.2f}x" if f["alone"] else "-") +
         " (one thread, ticks on, nobody waiting" +
         ("; below 1x: within this run's noise)" if f["alone"] and f["alone"] < f["seq"] else ")"))
    t += (f"; the holder won {f['battle_rounds']:.0f} battle rounds (release with a waiter, "
          f"re-acquire first), woke a sleeping waiter in {f['battle_wakeups']:.0f} of them, and "
          f"the waiters counted {f['failed_wakeups']:.0f} failed wake-ups against "
          f"{f['switches']:.0f} switches")
    if f["new_ratio"] is not None:
        t += (f"; `new`, the control in the same boot (no ticks, no battle), took "
              f"{f['new_ratio']:.2f}x with {f['new_switches'] or 0:.0f} switches and a mean "
              f"hand-off (release to the next take) of {f['new_handoff_us'] or 0:.0f} us")
        if f["new_ratio"] > 1.1 and f["ratio"] > 1.05:
            t += (f": {100 * min(1.0, (f['new_ratio'] - 1) / (f['ratio'] - 1)):.0f}% of `old`'s "
                  "excess ratio is there without any battle, the price of moving the GIL between "
                  "threads on this machine")
    if f["excess_s"] > 0:
        share = f["battle_s"] / f["excess_s"]
        t += (f"; the holder spent {f['battle_s']:.3f} s inside those rounds, "
              f"{100 * share:.0f}% of the {f['excess_s']:.3f} s the 2 threads took beyond "
              "sequential")
        if f["new_ratio"] is not None and f["new_ratio"] > 1.1 and share < 0.5:
            t += (" — no counter of this run attributes the rest beyond the `new` control's "
                  "share")
        elif share > 1.2:
            t += (" — more than the whole difference, so the sequential reference moved by as "
                  "much as the difference itself (the host's load, at the top): read the ratio "
                  "with that margin")
        elif share < 0.5:
            t += (" — the rest is not in any counter of this run (the woken thread's own "
                  "wake-ups and context switches, the GIL's cache lines moving between cores, "
                  "and the load of the host, at the top, are candidates it cannot tell apart)")
        t += "."
    else:
        t += "; no time beyond sequential to explain."
    return t


def old_battle_md(rows):
    """The report's section on `old`: per platform the sweep table, then sentences that cite
    only its figures."""
    plats = [(p, name) for p, name in OLD_PLATFORMS if old_figures(rows, p) is not None]
    if not plats:
        return []
    L = ["", "## `old`: the battle's price and the check interval (Python 2's ticker)", "",
         "Countdown under `old`, COUNT split over 2 threads (the main thread blocked on a lock), "
         "at each `sys.setcheckinterval`; x seq = time / the same boot's sequential time. Battle "
         "rounds: releases that found a thread waiting and re-took the GIL before anyone else; "
         "wake-ups: of those, the ones that woke a sleeping waiter; battle time: the holder's "
         "time inside those rounds (`gil.stats()`: battle_rounds, battle_wakeups, battle_ns). "
         "Beazley, CPython 2.6 at interval 100: 1.97x on 2 cores, 1.45x on one.", "",
         "| platform | interval | 2 threads (s) | x seq | switches | failed wake-ups | battle "
         "rounds | wake-ups | battle time (s) | us per round | battle / excess |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
    for p, name in plats:
        for iv in OLD_INTERVALS:
            f = old_figures(rows, p, iv)
            if f is None:
                continue
            per = f["battle_ns"] / 1e3 / f["battle_rounds"] if f["battle_rounds"] else 0
            share = (f"{100 * f['battle_s'] / f['excess_s']:.0f}%" if f["excess_s"] > 0 else "-")
            L.append(f"| {name} | {iv} | {f['t2']:.3f} | {f['ratio']:.2f} | {f['switches']:.0f} | "
                     f"{f['failed_wakeups']:.0f} | {f['battle_rounds']:.0f} | "
                     f"{f['battle_wakeups']:.0f} | {f['battle_s']:.3f} | {per:.2f} | {share} |")
    L += ["", "What the figures say (interval 100 unless named):", ""]
    for p, name in plats:
        f = old_figures(rows, p)
        t = (f"- {name}: `new` control 2 threads "
             + (f"{f['new_ratio']:.2f}x" if f["new_ratio"] is not None else "-") +
             f"; `old` sequential {f['seq']:.3f} s, the ticks alone "
             + (f"{f['alone']:.3f} s ({f['alone'] / f['seq']:.2f}x)" if f["alone"] else "-") +
             f", 2 threads {f['t2']:.3f} s ({f['ratio']:.2f}x; Beazley "
             + ("1.45x on one core" if p == "guest CPUS=1" else "1.97x on 2 cores") + ")" +
             (" — below 1x, which a GIL cannot give: the host's noise in this run."
              if f["ratio"] < 0.95 else "."))
        if f["failed_wakeups"]:
            t += (f" Each failed wake-up cost the running thread "
                  f"{f['battle_ns'] / 1e6 / f['failed_wakeups']:.3f} ms of battle time "
                  f"({f['battle_s']:.3f} s / {f['failed_wakeups']:.0f}): a woken waiter stays "
                  f"in flight for {f['battle_rounds'] / max(f['battle_wakeups'], 1):.0f} rounds "
                  f"on average ({f['battle_rounds']:.0f} rounds / {f['battle_wakeups']:.0f} "
                  f"wake-ups), and the holder pays "
                  f"{f['battle_ns'] / 1e3 / max(f['battle_rounds'], 1):.2f} us for each.")
        t += old_cause(rows, p)
        sweep = [(iv, old_figures(rows, p, iv)) for iv in OLD_INTERVALS]
        sweep = [(iv, x) for iv, x in sweep if x is not None]
        if len(sweep) > 1:
            t += (" Check interval sweep: " + ", ".join(f"{iv}: {x['ratio']:.2f}x "
                  f"({x['battle_s']:.3f} s battle)" for iv, x in sweep))
            (ilo, lo), (ihi, hi) = sweep[0], sweep[-1]
            if lo["ratio"] > hi["ratio"] and lo["battle_s"] > hi["battle_s"]:
                t += (f" — from interval {ilo} to {ihi} the checks fall "
                      f"{lo['interval_checks'] / max(hi['interval_checks'], 1):.0f}-fold, the "
                      f"battle time from {lo['battle_s']:.3f} s to {hi['battle_s']:.3f} s and the "
                      f"slowdown from {lo['ratio']:.2f}x to {hi['ratio']:.2f}x.")
            else:
                t += " — the slowdown does not fall with the interval in this run."
        L.append(t)
    return L


def plot_old_sweep(outdir, rows):
    """oldgil_sweep.png: 2 threads / sequential against the check interval, per platform."""
    dat = os.path.join(outdir, "oldgil_sweep.dat")
    cols = []
    with open(dat, "w") as f:
        for iv in OLD_INTERVALS:
            line = [str(iv)]
            for p, name in OLD_PLATFORMS:
                x = old_figures(rows, p, iv)
                line.append(f"{x['ratio']:.3f}" if x else "?")
            f.write(" ".join(line) + "\n")
    for i, (p, name) in enumerate(OLD_PLATFORMS):
        if any(old_figures(rows, p, iv) for iv in OLD_INTERVALS):
            cols.append(f'"{dat}" using 1:{i + 2} with linespoints title "{name}"')
    if not cols:
        return []
    png = os.path.join(outdir, "oldgil_sweep.png")
    gp = (f'set terminal png size 800,420; set output "{png}"; set logscale x; '
          f'set datafile missing "?"; set xlabel "sys.setcheckinterval (ticks)"; '
          f'set ylabel "2 threads / sequential"; set yrange [0:*]; set key top right; '
          f'set title "old GIL: countdown, 2 threads, against the check interval"; '
          f'plot ' + ", ".join(cols) + ', 1.97 with lines dt 2 title "Beazley 2 cores (100)", '
          '1.45 with lines dt 3 title "Beazley 1 core (100)"')
    return [png] if subprocess.run(["gnuplot", "-e", gp]).returncode == 0 else []


def run(cmd, env=None, timeout=900):
    try:
        p = subprocess.run(cmd, env=env, cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or b"").decode("utf-8", "replace")


def parse(platform, text, rows):
    for m in re.finditer(r"RESULT\|([^|]*)\|([^|]*)\|([^|]*)\|([^|\r\n]*)", text):
        rows.append([platform, m.group(1), m.group(2), float(m.group(3)), m.group(4)])


def guest(kernel, script, cpus, timeout, args="", disk=None, kargs=()):
    """A batch run in the guest through the launcher (qemu/tollbooth.py); timeout: hang guard."""
    r = tollbooth.run_batch(script, kernel, cpus=cpus, timeout=timeout, args=args or None,
                            disk=disk, kargs=kargs)
    return r.status, r.text()


READERS_LATENCY_US = 10000


def readers(tmp, platform, rows, tollpy=None, kernel=None):
    """READPROG on the host (files in tmp) or in the guest (a fresh FAT image, modelled latency)."""
    rp = os.path.join(tmp, "readers_%s.py" % platform)
    if platform == "host":
        d = os.path.join(tmp, "readers_files")
        os.makedirs(d, exist_ok=True)
        open(rp, "w").write(READPROG.replace("__DIR__", repr(d)))
        rc, out = run([tollpy, rp])
    else:
        try:
            img = tollbooth.make_disk_image(None, os.path.join(tmp, "readers.img"), 16)
        except (OSError, subprocess.CalledProcessError) as e:
            print(f"report: no disk image for the readers experiment ({e})", file=sys.stderr)
            return
        open(rp, "w").write(READPROG.replace("__DIR__", repr("")))
        rc, out = guest(kernel, rp, 2, 300, disk=img,
                        kargs=("DISK_LATENCY_US=%d" % READERS_LATENCY_US,))
    parse(platform, out, rows)
    if rc != 0:
        print(f"report: {platform} readers status {rc}\n{out[-2000:]}", file=sys.stderr)


def val(rows, platform, exp, cfg):
    for r in rows:
        if r[0] == platform and r[1] == exp and r[2] == cfg:
            return r[3]
    return None


def plot(outdir, rows, platforms):
    cfgs = ["new sequential", "new 2 threads", "new 4 threads", "old sequential", "old 2 threads",
            "old 4 threads", "old 2 threads, 1 core", "none sequential", "none 2 threads",
            "none 4 threads"]
    made = []
    for plat in platforms:
        if not val(rows, plat, "countdown", "new sequential"):
            continue
        dat = os.path.join(outdir, f"countdown_{plat}.dat")
        with open(dat, "w") as f:
            for c in cfgs:
                v = val(rows, plat, "countdown", c)
                seq = val(rows, plat, "countdown", c.split()[0] + " sequential")
                key = "sequential" if c == "old sequential" else c
                b = BEAZLEY_2010.get(("countdown", key))
                if v is not None and seq:
                    f.write(f'"{c}" {v / seq:.3f} ' + (f"{b / 7.8:.3f}" if b else "?") + "\n")
        png = os.path.join(outdir, f"countdown_{plat}.png")
        gp = (f'set terminal png size 900,420; set output "{png}"; set style fill solid 0.6; '
              f'set datafile missing "?"; set boxwidth 0.38; '
              f'set ylabel "time / same policy sequential"; set xtics rotate by -30; '
              f'set title "countdown, {plat} (median of 3) vs Beazley, CPython 2.6 old GIL"; '
              f'set yrange [0:*]; set key top left; '
              f'plot "{dat}" using ($0-0.2):2:xtic(1) with boxes title "Tollbooth {plat}", '
              f'"" using ($0+0.2):3 with boxes title "Beazley", 1 with lines dt 2 notitle')
        if subprocess.run(["gnuplot", "-e", gp]).returncode == 0:
            made.append(png)
    dat = os.path.join(outdir, "convoy.dat")
    with open(dat, "w") as f:
        for plat in platforms:
            for pol in ["new", "prio"]:
                v = val(rows, plat, "convoy", pol + " per 1 ms sleep")
                if v is not None:
                    f.write(f'"{plat} {pol}" {v:.3f}\n')
    png = os.path.join(outdir, "convoy.png")
    gp = (f'set terminal png size 700,400; set output "{png}"; set style fill solid 0.6; '
          f'set boxwidth 0.7; set ylabel "ms per 1 ms sleep"; set yrange [0:*]; '
          f'set title "convoy: 1 ms sleeps next to a CPU-bound thread"; '
          f'plot "{dat}" using 0:2:xtic(1) with boxes notitle, 1 with lines dt 2 title "1 ms"')
    if subprocess.run(["gnuplot", "-e", gp]).returncode == 0:
        made.append(png)
    return made


def report_md(outdir, rows, platforms, pngs, cmdline, header):
    def v(p, exp, cfg):
        return val(rows, p, exp, cfg)

    def rel(p, c):
        x, s = v(p, "countdown", c), v(p, "countdown", c.split()[0] + " sequential")
        return x / s if x and s else None

    def f2(x, suffix="x"):
        return "-" if x is None else f"{x:.2f}{suffix}"

    L = ["# Tollbooth: the GIL articles' experiments", ""] + header + [
         f"Generated by `{cmdline}` (tests/report/report.py); every figure and every sentence "
         "below is computed from this run (results.csv). Host: build/host/tollpy on the 2-core "
         "dev machine (shared); guest: QEMU TCG `-smp 2` (CPUS=2). Each countdown/native/"
         "multiprocessing cell is the median of 3 runs. Beazley's figures: CPython 2.6 on his "
         "machine (\"Understanding the Python GIL\", PyCon 2010); we compare ratios to each one's own sequential time.", ""]
    # ---- countdown -----------------------------------------------------------------------
    L += ["## Countdown: `while n > 0: n -= 1`, COUNT split over the threads", "",
          "| config | Beazley (s) | Beazley (x seq) | " +
          " | ".join(f"{p} (s) | {p} (x seq)" for p in platforms) + " |",
          "|---|---|---|" + "---|---|" * len(platforms)]
    cfgs = ["new sequential", "new 2 threads", "new 4 threads", "old sequential", "old 2 threads",
            "old 4 threads", "old 2 threads, 1 core", "none sequential", "none 2 threads",
            "none 4 threads"]
    for c in cfgs:
        key = "sequential" if c == "old sequential" else c
        b = BEAZLEY_2010.get(("countdown", key))
        bs = f"{b}" + (" / 11.6" if key == "old 2 threads, 1 core" else "") if b else ""
        cells = [c, bs, f"{b / 7.8:.2f}" if b else ""]
        for p in platforms:
            x = v(p, "countdown", c)
            cells += [f"{x:.3f}" if x is not None else "-", f2(rel(p, c), "")]
        L.append("| " + " | ".join(cells) + " |")
    L += ["", "Where ours differ (old GIL: Beazley 2 threads 1.97x, 4 threads 2.01x, "
          "2 threads on one core 1.45x):", ""]
    for p in platforms:
        o2, o4, c1 = rel(p, "old 2 threads"), rel(p, "old 4 threads"), rel(p, "old 2 threads, 1 core")
        n2, n4, z2 = rel(p, "new 2 threads"), rel(p, "new 4 threads"), rel(p, "none 2 threads")
        fw = v(p, "gil", "old 2 threads failed wake-ups")
        if o2 is None:
            continue
        t = f"- {p}: old 2 threads {o2:.2f}x, 4 threads {f2(o4)}"
        sw2 = v(p, "gil", "old 2 threads switches")
        t += (" — worse than" if o2 > 1.97 * 1.15 else " — milder than" if o2 < 1.97 / 1.15
              else " — close to") + (f" Beazley's 1.97x; {fw:.0f} failed wake-ups and "
                                     + ("-" if sw2 is None else f"{sw2:.0f}") +
                                     " switches in the median run.")
        # the cause: only what this run measured (the `old` battle section, interval 100)
        t += old_cause(rows, p)
        if c1 is not None:
            fw1 = v(p, "gil", "old 2 threads, 1 core failed wake-ups")
            t += (f" On one core (`gil.cores(1)`, same boot) {c1:.2f}x (Beazley 1.45x), with "
                  + ("-" if fw1 is None else f"{fw1:.0f}") +
                  f" failed wake-ups against {fw:.0f} on all cores.")
        if n2 is not None:
            if n2 <= 1.15 and n2 >= 0.85:
                t += f" `new` stays near 1x (2 threads {n2:.2f}x, 4 threads {f2(n4)}), as CPython 3.2+."
            elif n2 > 1.15:
                t += f" `new` costs {n2:.2f}x with 2 threads (4: {f2(n4)}), above CPython 3.2's ~1x"
                sw, sq = v(p, "gil", "new 2 threads switches"), v(p, "countdown", "new sequential")
                if sw and sq:
                    per = (n2 - 1) * sq / sw * 1000
                    t += (f"; with {sw:.0f} switches that would be {per:.1f} ms per switch" +
                          (", so the switching itself does not explain it" if per > 1 else
                           ", the cost of waking the next thread") +
                          (f"; `none` 2 threads is also slow ({z2:.2f}x), so the two "
                           + ("vCPUs" if p == "guest" else "threads") +
                           " probably compete for the loaded host's cores." if z2 and z2 > 1.1 else "."))
                else:
                    t += "."
            else:
                t += (f" `new` 2 threads at {n2:.2f}x is below 1x, which a GIL cannot give: "
                      "run-to-run noise of the host.")
        if z2 is not None:
            if z2 < 0.7:
                t += f" Without a GIL (`none`) 2 threads take {z2:.2f}x: a {1 / z2:.2f}x speed-up on 2 cores."
            else:
                t += (f" Without a GIL (`none`) 2 threads take {z2:.2f}x: " +
                      ("little speed-up" if z2 <= 1.1 else "slower than sequential") +
                      ", so no second core was free for it in this run (the host's load "
                      "average is at the top).")
        L.append(t)
    # ---- GIL counters --------------------------------------------------------------------
    L += ["", "## GIL counters (the median run of each cell)", "",
          "| platform | counter | value |", "|---|---|---|"]
    for r in rows:
        if r[1] == "gil":
            L.append(f"| {r[0]} | {r[2]} | {r[3]:.0f} |")
    # ---- counter -------------------------------------------------------------------------
    L += ["", "## Counter without a lock: 2 threads, `x[0] += 1`", "",
          "| platform | config | lost updates |", "|---|---|---|"]
    for r in rows:
        if r[1] == "counter":
            L.append(f"| {r[0]} | {r[2].replace(' lost updates', '')} | {r[3]:.0f} |")
    for p in platforms:
        N = v(p, "counter", "increments per thread")
        if N is None:
            continue
        lost = [pol for pol in ["new", "old", "none"] if (v(p, "counter", pol + " no lock lost updates") or 0) > 0]
        kept = [pol for pol in ["new", "old", "none"] if v(p, "counter", pol + " no lock lost updates") == 0]
        locked = [pol for pol in ["new", "old", "none"] if (v(p, "counter", pol + " lock lost updates") or 0) > 0]
        t = f"- {p} ({2 * N:.0f} increments): without the lock, updates lost under " + (
            ", ".join(f"`{q}` ({v(p, 'counter', q + ' no lock lost updates'):.0f})" for q in lost) or "no policy")
        if kept:
            t += ("; none lost under " + ", ".join(f"`{q}`" for q in kept) +
                  (" (`new` checks the eval breaker only at back-edges and calls, so `x += 1` is "
                   "not split, as in CPython 3.10+)"
                   if "new" in kept else ""))
        t += "; with the lock: " + ("exact under every policy." if not locked else
                                    "LOST under " + ", ".join(locked) + ".")
        L.append(t)
    # ---- sleepers, native, free-threading, convoy, switch, multiprocessing ------------------
    L += ["", "## Sleepers, native code, free-threading, convoy, switch interval, multiprocessing", "",
          "| platform | experiment | value | the articles say |", "|---|---|---|---|"]
    claimtxt = {"sleepers": "5 threads x sleep(2) end in ~2 s (ours scaled to 0.5 s)",
               "readers": "threads for I/O: file.read() releases the GIL, reads overlap "
                          "(guest: %d us modelled disk latency)" % READERS_LATENCY_US,
               "native": "C code that releases the GIL runs in parallel (NumPy)",
               "convoy": "bpo-7946: I/O thread waits ~ the interval behind a CPU thread",
               "switch": "CPython: 5 ms", "freethreaded": "PEP 703: ~10-15% single-thread cost",
               "multiprocessing": "processes scale (one GIL each)"}
    for r in rows:
        if r[1] in claimtxt and r[2] != "increments per thread":
            L.append(f"| {r[0]} | {r[1]}: {r[2]} | {r[3]:.3f} {r[4]} | {claimtxt[r[1]]} |")
    L += ["", "Where ours differ:", ""]
    for p in platforms:
        s = []
        z2 = rel(p, "none 2 threads")
        free = (f"; yet `none` threads got {1 / z2:.2f}x in the same run, so a second core was "
                "there: the cause is not measured here" if z2 and z2 < 0.7 else
                "; the second core was probably busy (`none` 2 threads: " + f2(z2) + ", load at the top)")
        sl = v(p, "sleepers", "5 threads x sleep(0.5)")
        if sl is not None:
            s.append(f"5 threads sleeping 0.5 s end in {sl:.3f} s" +
                     (" — the sleeps overlap, as the articles' 5 x 2 s in ~2 s (scaled down 4x)."
                      if sl < 0.75 else " — they do NOT overlap well (the articles: ~1x the sleep)."))
        ns, ng = v(p, "native", "speed-up 2 threads, GIL dropped"), v(p, "native", "speed-up 2 threads, GIL kept")
        if ns is not None:
            s.append(f"`native.spin` split over 2 threads: {ns:.2f}x faster than 1 thread with the "
                     f"GIL dropped, {f2(ng)} with it kept (`spin_gil`)" +
                     ((" — the articles' native-code parallelism" + (" (but `spin_gil` above 1x, which a held GIL "
                      "cannot give, and more than 2x with 2 cores: the 1-thread run was slow, so "
                      "this speed-up is inflated)." if ng and ng > 1.2 else ".")) if ns > 1.5 else
                      " — less than the articles' parallelism" + free + "."))
        fc, fo = v(p, "freethreaded", "countdown none/new single-thread time"), v(p, "freethreaded", "objects none/new single-thread time")
        if fc is not None and fo is not None:
            t = f"Free-threaded (`none`) single-thread time vs `new`: countdown {fc:.2f}x, list/dict work {fo:.2f}x"
            if fo > 1.05:
                t += (f" — a {100 * (fo - 1):.0f}% cost on object work (PEP 703 quotes ~10-15%): "
                      "atomic reference counts and per-object locks")
                t += (", which TCG emulates expensively." if p == "guest" and fo > 1.3 else ".")
            else:
                t += (" — no measurable cost here, below PEP 703's ~10-15%" +
                      ("; small ints are tagged, so the countdown touches no reference count"
                       if fc <= 1.05 else "") + ".")
            if fc < 0.95:
                t += " (`none` faster than `new` single-threaded: it skips the GIL's checks; or noise.)"
            s.append(t)
        cn, cp, iv = v(p, "convoy", "new per 1 ms sleep"), v(p, "convoy", "prio per 1 ms sleep"), v(p, "switch", "switch interval")
        if cn is not None and cp is not None and iv:
            t = f"Convoy: a 1 ms sleep next to a CPU-bound thread takes {cn:.2f} ms under `new`"
            if cn > 2 * (1 + iv):
                t += (f", far more than the {iv:.0f} ms interval plus the sleep (bpo-7946's convoy, "
                      "made worse by the cost of each wake-up" +
                      (": on the guest a vCPU of the loaded host)" if p == "guest" else ")"))
            elif cn > 1 + iv / 2:
                t += f", about the {iv:.0f} ms interval plus the sleep (bpo-7946's convoy)"
            else:
                t += f", well under the {iv:.0f} ms interval (no convoy seen)"
            t += (f"; `prio` brings it to {cp:.2f} ms." if cp < cn / 2 else f"; `prio` gives {cp:.2f} ms, no cure here.")
            al = v(p, "convoy", "alone per 1 ms sleep")
            if al is not None:
                t += (f" The same sleep with no other thread takes {al:.2f} ms on this platform, so the "
                      f"CPU-bound neighbour adds {cp - al:.2f} ms under `prio` and {cn - al:.2f} ms under `new`.")
            s.append(t)
        p1, p2 = v(p, "multiprocessing", "Pool(1) speed-up"), v(p, "multiprocessing", "Pool(2) speed-up")
        if p2 is not None:
            t = f"Pool(2) runs the CPU work {p2:.2f}x faster than sequential"
            if p1:
                t += f" and {p2 / p1:.2f}x faster than Pool(1)"
            t += (" — processes scale, as the articles say" if p2 > 1.5 and (not p1 or p2 / p1 > 1.5) else
                  " — less than the articles' scaling" + free)
            if p1 is not None:
                t += (f" (Pool(1) {p1:.2f}x: the pool's own overhead is small)." if 0.85 <= p1 <= 1.15
                      else f" (Pool(1) {p1:.2f}x, where ~1x is expected: the host's noise in this "
                      "run, so read the Pool(2) figure with that margin).")
            s.append(t)
        if s:
            L.append(f"- {p}: " + " ".join(s))
    L += old_battle_md(rows)
    L += prio_section(rows, platforms)
    L += ["", "## Plots", ""] + [f"![{os.path.basename(x)}]({os.path.basename(x)})" for x in pngs]
    with open(os.path.join(outdir, "report.md"), "w") as f:
        f.write("\n".join(L) + "\n")


def prio_section(rows, platforms):
    """`prio`'s throughput beside its latency: the countdown under prio and `new` in the same
    rounds (same COUNT; each ratio the median of the rounds' own ratios) with prio's counters and
    both convoy latencies from the same run."""
    def v(p, exp, cfg):
        return val(rows, p, exp, cfg)

    L = ["", "## `prio`: throughput beside latency", "",
         "The countdown under `prio` (the convoy cure, bpo-7946) and under `new`, in the same "
         "rounds: a round runs every cell once, each ratio is taken within its round against that "
         "round's sequential run, and the median round's ratio is shown with that round's "
         "counters (a lone countdown's time moves 10-30% between runs of one boot on a shared "
         "machine; a round's cells share its speed). Slices: takes from the line of "
         "CPU-bound threads (the GIL passing from one CPU-bound thread to another, at interval "
         "expiry or by aging); preemptions: a CPU-bound holder forced off for an interactive "
         "thread (here only the main thread starting the workers and waking when the last one "
         "ends: it waits on a lock, not in 1 ms sleeps, each of which would be a preemption), "
         "resumed after it; GIL "
         "free: the time between a release and the next take while a thread waited; held x 1 "
         "thread: the time the GIL was held, i.e. the threads' own work, against the same round's "
         "one-thread run; 1 core: the same threads held to one core (`gil.cores(1)`); spins: "
         "waits for a release polled before sleeping (hit: the release came; miss: it did not).", "",
         "| platform | config | time (s) | x seq | `new` x seq | held x 1 thread | `new` held x 1 thread "
         "| GIL free (ms) | slices | preemptions | resumes | futile wake-ups | switches | spin hits "
         "| spin misses |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]

    def fmt(x, d=0):
        return "-" if x is None else f"{x:.{d}f}"
    for p in platforms:
        seq = v(p, "prio", "sequential")
        if seq is None:
            continue
        L.append(f"| {p} | sequential | {seq:.3f} | 1.00 | 1.00 | | | | | | | | | | |")
        for n in (1, 2, 4):
            t = v(p, "prio", f"{n} threads")
            if t is None:
                continue
            c = [v(p, "prio", f"{n} threads {k}") for k in
                 ("slices", "preemptions", "resumes", "futile wake-ups", "switches",
                  "spins that saw the release", "spins in vain")]
            L.append(f"| {p} | {n} thread{'s' if n > 1 else ''} | {t:.3f} | "
                     f"{fmt(v(p, 'prio', f'{n} threads x sequential'), 2)} | "
                     f"{fmt(v(p, 'prio', f'new {n} threads x sequential'), 2)} | "
                     f"{fmt(v(p, 'prio', f'{n} threads held x 1 thread'), 2)} | "
                     f"{fmt(v(p, 'prio', f'new {n} threads held x 1 thread'), 2)} | "
                     f"{fmt(v(p, 'prio', f'{n} threads GIL free'), 1)} | " +
                     " | ".join(fmt(x) for x in c) + " |")
        c1, n1 = v(p, "prio", "2 threads, 1 core x sequential"), v(p, "prio", "new 2 threads, 1 core x sequential")
        if c1 is not None:
            L.append(f"| {p} | 2 threads, 1 core | | {c1:.2f} | {fmt(n1, 2)} | | | | | | | | | | |")
    L += ["", "What the counters say (goal: 2 and 4 threads within 1.15x of sequential, as `new`):", ""]
    for p in platforms:
        seq = v(p, "prio", "sequential")
        if seq is None:
            continue
        parts = []
        for n in (2, 4):
            x, nx = v(p, "prio", f"{n} threads x sequential"), v(p, "prio", f"new {n} threads x sequential")
            t, free = v(p, "prio", f"{n} threads"), v(p, "prio", f"{n} threads GIL free")
            held, nheld = v(p, "prio", f"{n} threads held x 1 thread"), v(p, "prio", f"new {n} threads held x 1 thread")
            sl, pre = v(p, "prio", f"{n} threads slices"), v(p, "prio", f"{n} threads preemptions")
            if x is None or t is None or free is None:
                continue
            lo, hi = v(p, "prio", f"{n} threads x sequential, lowest round"), v(p, "prio", f"{n} threads x sequential, highest round")
            nlo, nhi = v(p, "prio", f"new {n} threads x sequential, lowest round"), v(p, "prio", f"new {n} threads x sequential, highest round")
            y = f"{n} threads {x:.2f}x" + (f" (rounds {lo:.2f}-{hi:.2f}x)" if lo is not None else "")
            y += (f" (`new` {nx:.2f}x" + (f", rounds {nlo:.2f}-{nhi:.2f}x" if nlo is not None else "") + ")"
                  if nx is not None else "")
            y += ", goal met" if x <= 1.15 else f", {x / 1.15:.2f} times the goal"
            if lo is not None and nlo is not None and max(lo, nlo) <= min(hi, nhi):
                y += (" (the two policies' rounds overlap: this run cannot tell `prio` from `new`)")
            extra, free_s = t - t / x, free / 1000
            if x < 0.95:
                y += " — below 1x, which a GIL cannot give: the host's noise in this run"
            elif x <= 1.02:
                y += " — no cost over sequential in this run"
            else:
                y += (f" — of the ~{extra:.3f} s over sequential the GIL sat free {free_s:.3f} s "
                      f"between a release and the next take ({sl:.0f} slices, {pre:.0f} preemptions)")
                if held is not None:
                    y += (f"; holding it, the threads took {held:.2f}x a lone thread's time for the "
                          "same work" + (f" (`new` {nheld:.2f}x)" if nheld is not None else ""))
                    if held >= 1.03 and free_s < 0.5 * extra:
                        y += ": most of the cost is the threads' own code running slower, not the hand-offs"
            hits = v(p, "prio", f"{n} threads spins that saw the release")
            miss = v(p, "prio", f"{n} threads spins in vain")
            if hits is not None and miss is not None and hits + miss > 0:
                y += (f"; {hits:.0f} spins saw the release, {miss:.0f} waited in vain" +
                      (" (the holder did not run meanwhile: spinning was mostly off)"
                       if miss > hits else ""))
            parts.append(y)
        c1, n1 = v(p, "prio", "2 threads, 1 core x sequential"), v(p, "prio", "new 2 threads, 1 core x sequential")
        t = f"- {p}: " + "; ".join(parts) + "."
        if c1 is not None:
            t += (f" The same 2 threads held to one core: {c1:.2f}x" +
                  (f" (`new` {n1:.2f}x)" if n1 is not None else "") + ".")
        cp, cn = v(p, "convoy", "prio per 1 ms sleep"), v(p, "convoy", "new per 1 ms sleep")
        if cp is not None and cn is not None:
            al = v(p, "convoy", "alone per 1 ms sleep")
            t += (f" Latency in the same run: a 1 ms sleep next to a CPU-bound thread took "
                  f"{cp:.2f} ms under `prio`, {cn:.2f} ms under `new`" +
                  (f", and {al:.2f} ms with no other thread" if al is not None else "") + ".")
        L.append(t)
    return L


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build", "host", "tollpy"))
    ap.add_argument("--kernel", default=os.path.join(REPO, "build", "kernel.elf"))
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "report"))
    ap.add_argument("--host-count", type=int, default=60000000)
    ap.add_argument("--guest-count", type=int, default=4000000)
    ap.add_argument("--host-native", type=int, default=400000000)
    ap.add_argument("--guest-native", type=int, default=60000000)
    ap.add_argument("--host-mp-work", type=int, default=4000000)
    ap.add_argument("--guest-mp-work", type=int, default=400000)
    ap.add_argument("--old-host-count", type=int, default=20000000,
                    help="COUNT of the host's `old` battle and check-interval sweep")
    ap.add_argument("--no-guest", action="store_true")
    scaling.add_args(ap)
    requests_io.add_args(ap)
    ap.add_argument("--from-csv", action="store_true",
                    help="re-render report.md and the plots from OUT/results.csv (no new run)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.from_csv:
        with open(os.path.join(a.out, "results.csv")) as f:
            rows = [[r[0], r[1], r[2], float(r[3]), r[4]] for r in list(csv.reader(f))[1:]]
        platforms = [p for p in ("host", "guest") if any(r[0] == p for r in rows)]
        with open(os.path.join(a.out, "report.md")) as f:
            old = f.read().split("\n")
        header = [old[2].replace(" (text re-rendered from results.csv with --from-csv)", "") +
                  " (text re-rendered from results.csv with --from-csv)", ""]
        pngs = plot(a.out, rows, platforms) + plot_old_sweep(a.out, rows)
        report_md(a.out, rows, platforms, pngs, "make report", header)
        scaling.append_md(a.out, rows, platforms)
        requests_io.append_md(a.out, rows, platforms)
        print(f"report: re-rendered {a.out}/report.md from results.csv")
        return 0
    t_start = time.time()
    header = [f"Run started {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; host load at "
              f"start: `{uptime()}`"]
    rows, platforms = [], []
    tmp = tempfile.mkdtemp()

    def prog(count, native):
        return PROG.replace("__COUNT__", str(count)).replace("__NATIVE__", str(native))

    hp, hm = os.path.join(tmp, "host.py"), os.path.join(tmp, "host_mp.py")
    open(hp, "w").write(prog(a.host_count, a.host_native))
    open(hm, "w").write(MPPROG.replace("__WORK__", str(a.host_mp_work)))
    print(f"report: host experiments (COUNT={a.host_count}) ...", flush=True)
    rc, out = run([a.tollpy, hp])
    parse("host", out, rows)
    if rc != 0:
        print(f"report: host run status {rc}\n{out[-2000:]}", file=sys.stderr)
    rc, out = run([a.tollpy, hm])
    parse("host", out, rows)
    if rc != 0:
        print(f"report: host multiprocessing status {rc}\n{out[-2000:]}", file=sys.stderr)
    readers(tmp, "host", rows, tollpy=a.tollpy)
    platforms.append("host")
    if not a.no_guest:
        gp, gm = os.path.join(tmp, "guest.py"), os.path.join(tmp, "guest_mp.py")
        open(gp, "w").write(prog(a.guest_count, a.guest_native))
        open(gm, "w").write(MPPROG.replace("__WORK__", str(a.guest_mp_work)))
        print(f"report: guest experiments, CPUS=2 (COUNT={a.guest_count}) ...", flush=True)
        rc, out = guest(a.kernel, gp, 2, 900)
        parse("guest", out, rows)
        if rc != 0:
            print(f"report: guest run status {rc}\n{out[-2000:]}", file=sys.stderr)
        rc, out = guest(a.kernel, gm, 2, 300)
        parse("guest", out, rows)
        if rc != 0:
            print(f"report: guest multiprocessing status {rc}\n{out[-2000:]}", file=sys.stderr)
        readers(tmp, "guest", rows, kernel=a.kernel)
        platforms.append("guest")
    old_battle_run(a, tmp, rows)
    scaling.run(a, tmp, rows, platforms, run, guest, parse,
                lambda m: print(m, file=sys.stderr, flush=True))
    requests_io.run(a, tmp, rows, platforms, run, parse,
                    lambda m: print(m, file=sys.stderr, flush=True))
    header.append(f"; at the end: `{uptime()}`; COUNT host {a.host_count}, guest {a.guest_count}; "
                  f"whole run {time.time() - t_start:.0f} s.")
    header = ["".join(header), ""]
    with open(os.path.join(a.out, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["platform", "experiment", "config", "value", "unit"])
        w.writerows(rows)
    pngs = plot(a.out, rows, platforms) + plot_old_sweep(a.out, rows)
    report_md(a.out, rows, platforms, pngs, "make report", header)
    scaling.append_md(a.out, rows, platforms)
    requests_io.append_md(a.out, rows, platforms)
    print(f"report: {len(rows)} figures -> {a.out}/results.csv, report.md, {len(pngs)} plots")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
