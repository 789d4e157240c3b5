"""tests/report/scaling.py — `make report`'s scaling curves: free-threaded (`none`) threads
1..N and multiprocessing Pool(p) processes 1..N, host tollpy and the guest, with the
single-thread cost of `none` beside `new` (report.py calls run(), plot() and section()).

Weak scaling: every thread (every task) does the same fixed work, so with T threads on T free
cores the ideal time equals the 1-thread time, and speed-up(T) = T * t(1) / t(T) (goal
>= 0.85 * T: PEP 703's free-threading, CPython 3.13t). Each cell is the best of REPEAT runs.
Two workloads: `countdown` (Beazley's loop: no allocation, no shared object) and `objects`
(lists, dicts, strings: str(), appends, dict counts, joins; every allocation path). Host rows
also record the process CPU time over each run (time.process_time covers every thread), so
"cores busy" = CPU time / wall time tells the two ways to miss the goal apart:
busy < T means the cores were not all ours (the machine's load), busy ~ T with a low speed-up
means the threads spent CPU on something other than the work (contention: shared cache lines,
lock waits). The guest has no per-process CPU clock: its rows cannot tell those apart, and the
text says so. Figures, never assertions.
"""
import os
import subprocess

# The tollpy program: RESULT|exp|config|value|unit lines (report.py's parse()).
THREADS_PROG = r'''
import sys
import time
import _thread
import gil

WORK = __WORK__
REPEAT = 3
MAXT = __MAXT__
done_lock = _thread.allocate_lock()
done = [0]

def countdown(n):
    while n > 0:
        n -= 1

def objects(n):
    check = 0
    r = 0
    while n > 0:
        words = []
        for i in range(200):
            words.append("w" + str((i * 7919 + r) % 50))
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        text = " ".join(words)
        check += len(text.split(" ")) + len(counts)
        r += 1
        n -= 1
    return check

def body(fn, n):
    fn(n)
    done_lock.acquire()
    done[0] += 1
    done_lock.release()

def one(fn, n, t):
    done[0] = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    if t == 0:
        fn(n)
    else:
        i = 0
        while i < t:
            _thread.start_new_thread(body, (fn, n))
            i += 1
        while done[0] < t:
            time.sleep(0.001)
    el = time.perf_counter() - t0
    cpu = time.process_time() - c0
    while gil.stats()["threads"] > 1:
        time.sleep(0.002)
    return el, cpu

def best(fn, n, t):
    runs = sorted(one(fn, n, t) for k in range(REPEAT))
    return runs[0]

def out(exp, cfg, v, unit):
    print("RESULT|%s|%s|%s|%s" % (exp, cfg, v, unit))

ncores = gil.cores()
maxt = min(MAXT, ncores) if MAXT > 0 else ncores
out("scaling", "cores", ncores, "")
for name, fn, n in [("countdown", countdown, WORK), ("objects", objects, max(1, WORK // 4000))]:
    sys.setgilpolicy("new")
    seq_new = best(fn, n, 0)[0]
    sys.setgilpolicy("none")
    seq_none = best(fn, n, 0)[0]
    out("scaling", "%s none/new single-thread time" % name, seq_none / seq_new, "x")
    t1 = None
    t = 1
    while t <= maxt:
        el, cpu = best(fn, n, t)
        if t1 is None:
            t1 = el
        out("scaling", "%s none %d threads time" % (name, t), el, "s")
        out("scaling", "%s none %d threads speed-up" % (name, t), t * t1 / el, "x")
        out("scaling", "%s none %d threads cores busy" % (name, t), cpu / el, "")
        t = t * 2 if t >= 2 else t + 1
sys.setgilpolicy("new")
'''

POOL_PROG = r'''
import sys
import time
import multiprocessing as mp
import gil

WORK = __WORK__
REPEAT = 3
MAXP = __MAXP__
TASKS_PER = 2

def cpu_task(n):
    total = 0
    for i in range(n):
        total += i & 7
    return total

def out(exp, cfg, v, unit):
    print("RESULT|%s|%s|%s|%s" % (exp, cfg, v, unit))

def main():
    ncores = gil.cores()
    maxp = min(MAXP, ncores) if MAXP > 0 else ncores
    seq = []
    for k in range(REPEAT):
        t0 = time.perf_counter()
        ref = [cpu_task(WORK) for _ in range(TASKS_PER)]
        seq.append(time.perf_counter() - t0)
    tseq = min(seq)
    out("poolscale", "sequential %d tasks" % TASKS_PER, tseq, "s")
    p = 1
    while p <= maxp:
        pool = mp.Pool(p)
        pool.map(abs, [1] * p)
        best = None
        for k in range(REPEAT):
            c0 = time.process_time()
            t0 = time.perf_counter()
            r = pool.map(cpu_task, [WORK] * (TASKS_PER * p), 1)
            el = time.perf_counter() - t0
            cpu = time.process_time() - c0
            assert r == ref * p
            if best is None or el < best[0]:
                best = (el, cpu)
        pool.close()
        pool.join()
        out("poolscale", "Pool(%d) time" % p, best[0], "s")
        out("poolscale", "Pool(%d) speed-up" % p, p * tseq / best[0], "x")
        out("poolscale", "Pool(%d) cores busy" % p, best[1] / best[0], "")
        sys.stdout.flush()
        p = p * 2 if p >= 2 else p + 1

if __name__ == "__main__":
    main()
'''


def counts(maxt):
    """1, 2, 4, 8 ... up to maxt (the programs' own sequence)."""
    c, t = [], 1
    while t <= maxt:
        c.append(t)
        t = t * 2 if t >= 2 else t + 1
    return c


def run(a, tmp, rows, platforms, run_cmd, guest, parse, log):
    """Run both programs on the host (all its cores) and, unless --no-guest, in the guest at
    CPUS=2 (the dev machines' cores; a bigger machine passes --scaling-cpus)."""
    work_h, work_g = a.host_scale_work, a.guest_scale_work
    hp, hm = os.path.join(tmp, "scale_host.py"), os.path.join(tmp, "scale_host_mp.py")
    open(hp, "w").write(THREADS_PROG.replace("__WORK__", str(work_h)).replace("__MAXT__", "0"))
    open(hm, "w").write(POOL_PROG.replace("__WORK__", str(work_h // 10)).replace("__MAXP__", "0"))
    log(f"report: scaling, host (work {work_h}) ...")
    for prog in (hp, hm):
        rc, out = run_cmd([a.tollpy, prog])
        parse("host", out, rows)
        if rc != 0:
            log(f"report: scaling host status {rc}\n{out[-2000:]}")
    if a.no_guest or "guest" not in platforms:
        return
    cpus = a.scaling_cpus
    gp, gm = os.path.join(tmp, "scale_guest.py"), os.path.join(tmp, "scale_guest_mp.py")
    open(gp, "w").write(THREADS_PROG.replace("__WORK__", str(work_g)).replace("__MAXT__", str(cpus)))
    open(gm, "w").write(POOL_PROG.replace("__WORK__", str(work_g // 10)).replace("__MAXP__", str(cpus)))
    log(f"report: scaling, guest CPUS={cpus} (work {work_g}) ...")
    for prog, to in ((gp, 900), (gm, 600)):
        rc, out = guest(a.kernel, prog, cpus, to)
        parse("guest", out, rows)
        if rc != 0:
            log(f"report: scaling guest status {rc}\n{out[-2000:]}")


def add_args(ap):
    ap.add_argument("--host-scale-work", type=int, default=20000000,
                    help="countdown per thread on the host (objects: this / 4000 rounds)")
    ap.add_argument("--guest-scale-work", type=int, default=2000000)
    ap.add_argument("--scaling-cpus", type=int, default=2, help="guest CPUS for the scaling curves")


def _v(rows, plat, exp, cfg):
    for r in rows:
        if r[0] == plat and r[1] == exp and r[2] == cfg:
            return r[3]
    return None


def plot(outdir, rows, platforms):
    """One png per platform: speed-up against threads/processes, with the ideal and the goal."""
    made = []
    for plat in platforms:
        dat = os.path.join(outdir, f"scaling_{plat}.dat")
        lines = []
        for n in range(1, 65):
            c = _v(rows, plat, "scaling", f"countdown none {n} threads speed-up")
            o = _v(rows, plat, "scaling", f"objects none {n} threads speed-up")
            p = _v(rows, plat, "poolscale", f"Pool({n}) speed-up")
            if c is None and o is None and p is None:
                continue
            f = lambda x: "?" if x is None else f"{x:.3f}"
            lines.append(f"{n} {f(c)} {f(o)} {f(p)}")
        if not lines:
            continue
        with open(dat, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        png = os.path.join(outdir, f"scaling_{plat}.png")
        gp = (f'set terminal png size 700,420; set output "{png}"; set datafile missing "?"; '
              f'set xlabel "threads / processes"; set ylabel "speed-up (weak scaling)"; '
              f'set key top left; set title "none threads and Pool processes, {plat}"; '
              f'set xrange [0.5:*]; set yrange [0:*]; '
              f'plot "{dat}" using 1:2 with linespoints title "none threads, countdown", '
              f'"" using 1:3 with linespoints title "none threads, objects", '
              f'"" using 1:4 with linespoints title "Pool processes", '
              f'x with lines dt 2 title "ideal", 0.85*x with lines dt 3 title "goal 0.85 N"')
        try:
            if subprocess.run(["gnuplot", "-e", gp]).returncode == 0:
                made.append(png)
        except OSError:
            pass
    return made


def section(rows, platforms, host_desc):
    """The markdown lines of the scaling section: a table per platform, then sentences that each
    cite this run's figures."""
    L = ["", "## Scaling: free-threaded threads and Pool processes", "",
         "Weak scaling (each thread or task does the same work; speed-up = N x t(1) / t(N), ideal "
         "N, goal >= 0.85 N as free-threaded CPython 3.13t). Best of 3. \"cores busy\" = process "
         "CPU time / wall time (host only; the guest has no per-process CPU clock).", ""]
    for plat in platforms:
        ncores = _v(rows, plat, "scaling", "cores")
        if ncores is None:
            continue
        maxn = int(ncores)
        L += [f"### {plat} ({int(ncores)} cores" + (f"; {host_desc}" if plat == "host" and host_desc else "") + ")", "",
              "| N | none countdown | none objects | Pool(N) | goal |", "|---|---|---|---|---|"]
        sents = []
        for n in counts(max(maxn, 1)):
            c = _v(rows, plat, "scaling", f"countdown none {n} threads speed-up")
            o = _v(rows, plat, "scaling", f"objects none {n} threads speed-up")
            p = _v(rows, plat, "poolscale", f"Pool({n}) speed-up")
            if c is None and o is None and p is None:
                continue

            def cell(x, exp, cfg):
                if x is None:
                    return "-"
                b = _v(rows, plat, exp, cfg)
                return f"{x:.2f}x" + (f" ({b:.2f} busy)" if b is not None and plat == "host" else "")
            L.append(f"| {n} | {cell(c, 'scaling', f'countdown none {n} threads cores busy')} | "
                     f"{cell(o, 'scaling', f'objects none {n} threads cores busy')} | "
                     f"{cell(p, 'poolscale', f'Pool({n}) cores busy')} | {0.85 * n:.2f}x |")
        for name in ("countdown", "objects"):
            r = _v(rows, plat, "scaling", f"{name} none/new single-thread time")
            if r is not None:
                goal = 1.10 if name == "countdown" else 1.25
                sents.append(f"`none` single-thread time is {r:.2f}x `new`'s on `{name}` "
                             f"(goal <= {goal:.2f}x: " + ("met" if r <= goal else "missed") + ").")
        for exp, label, key in (("scaling", "`none` threads, countdown", "countdown none {} threads"),
                                ("scaling", "`none` threads, objects", "objects none {} threads"),
                                ("poolscale", "Pool processes", "Pool({})")):
            ns = [n for n in counts(max(maxn, 1)) if n > 1 and
                  _v(rows, plat, exp, key.format(n) + " speed-up") is not None]
            for n in ns:
                s = _v(rows, plat, exp, key.format(n) + " speed-up")
                busy = _v(rows, plat, exp, key.format(n) + " cores busy")
                t = f"{label}: {n} give {s:.2f}x (goal {0.85 * n:.2f}x)"
                # CPU time per unit of work at n against 1 (host): cpu = busy * time, work = n units
                tn, t1 = _v(rows, plat, exp, key.format(n) + " time"), _v(rows, plat, exp, key.format(1) + " time")
                b1 = _v(rows, plat, exp, key.format(1) + " cores busy")
                infl = ((busy * tn) / (n * b1 * t1) if plat == "host" and None not in (busy, tn, t1, b1)
                        and b1 * t1 > 0 else None)
                cpu_txt = (f"; CPU time per unit of work {infl:.2f}x that of 1 (1.00: running "
                           "together cost them nothing, as far as they overlapped)") if infl is not None else ""
                if s >= 0.85 * n:
                    t += ", met" + cpu_txt + "."
                elif plat != "host" or busy is None:
                    t += ("; missed, and this run cannot say why (the guest has no per-process "
                          "CPU clock to tell busy cores from contention).")
                elif busy < 0.85 * n:
                    t += (f"; missed, and the process got only {busy:.2f} cores of CPU time on "
                          "average: the cores were not all free (see the load in the header), so "
                          "the speed-up does not measure the interpreter" + cpu_txt + ".")
                else:
                    t += (f"; missed although {busy:.2f} cores were busy" + cpu_txt +
                          ": the threads spent CPU time that did not turn into work — contention "
                          "(a shared cache line, a lock wait, spinning); this run does not say which.")
                sents.append(t)
        L += [""] + [f"- {x}" for x in sents] + [""]
    return L


def append_md(outdir, rows, platforms, host_desc=""):
    """Add the section and its plots at the end of OUT/report.md (written by report_md)."""
    pngs = plot(outdir, rows, platforms)
    L = section(rows, platforms, host_desc)
    L += [""] + [f"![{os.path.basename(x)}]({os.path.basename(x)})" for x in pngs]
    with open(os.path.join(outdir, "report.md"), "a") as f:
        f.write("\n".join(L) + "\n")
