#!/usr/bin/python3
"""tests/report/report.py — `make report`: the seeds' claims as experiments, on the host tollpy
and on the guest (QEMU, CPUS=2), with the seeds' own figures beside ours.

Writes build/report/results.csv (platform,experiment,config,value,unit), build/report/*.png
(gnuplot) and build/report/report.md (tables + one sentence per experiment on the difference).
Figures, never assertions: the dev host has 2 cores and is shared; the guest is TCG-emulated.
  --tollpy PATH  --kernel PATH  --out DIR  --host-count N  --guest-count N  --no-guest
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Beazley, "Understanding the Python GIL" (2010), seed 003; CPython's switch interval.
SEEDS = {
    ("countdown", "sequential"): 7.8, ("countdown", "old 2 threads"): 15.4,
    ("countdown", "old 4 threads"): 15.7, ("countdown", "old 2 threads, 1 core"): 11.3,
}

PROG = r'''
import sys
import time
import _thread
import gil

COUNT = __COUNT__
done_lock = _thread.allocate_lock()
done = [0]

def finished():
    done_lock.acquire()
    done[0] += 1
    done_lock.release()

def settle():
    while gil.stats()["threads"] > 1:
        time.sleep(0.002)

def run_threads(n, fn, arg):
    done[0] = 0
    t0 = time.perf_counter()
    i = 0
    while i < n:
        _thread.start_new_thread(fn, (arg,))
        i += 1
    while done[0] < n:
        time.sleep(0.001)
    el = time.perf_counter() - t0
    settle()
    return el

def countdown(n):
    while n > 0:
        n -= 1

def countdown_t(n):
    countdown(n)
    finished()

def out(exp, cfg, v, unit):
    print("RESULT|%s|%s|%s|%s" % (exp, cfg, v, unit))

seq = {}
for policy in ["new", "old", "none"]:
    sys.setgilpolicy(policy)
    t0 = time.perf_counter()
    countdown(COUNT)
    seq[policy] = time.perf_counter() - t0
    out("countdown", policy + " sequential", seq[policy], "s")
    for n in [2, 4]:
        gil.reset()
        el = run_threads(n, countdown_t, COUNT // n)
        s = gil.stats()
        out("countdown", "%s %d threads" % (policy, n), el, "s")
        if policy != "none":
            out("gil", "%s %d threads switches" % (policy, n), s["switches"], "")
            out("gil", "%s %d threads drop requests" % (policy, n), s["drop_requests"], "")
            out("gil", "%s %d threads failed wake-ups" % (policy, n), s["failed_wakeups"], "")
out("freethreaded", "none/new single-thread time", seq["none"] / seq["new"], "x")

ncores = gil.cores()
if ncores > 1:
    sys.setgilpolicy("old")
    gil.cores(1)
    gil.reset()
    el = run_threads(2, countdown_t, COUNT // 2)
    out("countdown", "old 2 threads, 1 core", el, "s")
    out("gil", "old 2 threads, 1 core failed wake-ups", gil.stats()["failed_wakeups"], "")
    gil.cores(ncores)
    sys.setgilpolicy("new")

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
N = COUNT // 20
for policy in ["new", "old", "none"]:
    sys.setgilpolicy(policy)
    for fn, name in [(inc, "no lock"), (inc_locked, "lock")]:
        x[0] = 0
        run_threads(2, fn, N)
        out("counter", "%s %s lost updates" % (policy, name), 2 * N - x[0], "")
sys.setgilpolicy("new")

def sleeper(d):
    time.sleep(d)
    finished()
el = run_threads(4, sleeper, 0.1)
out("sleepers", "4 threads x sleep(0.1)", el, "s")

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
for policy in ["new", "prio"]:
    sys.setgilpolicy(policy)
    stop[0] = False
    lat.clear()
    done[0] = 0
    _thread.start_new_thread(spin, (0,))
    time.sleep(0.01)
    _thread.start_new_thread(io, (0,))
    while done[0] < 2:
        time.sleep(0.001)
    settle()
    out("convoy", policy + " per 1 ms sleep", sum(lat) / len(lat) * 1000, "ms")
sys.setgilpolicy("new")
out("switch", "switch interval", sys.getswitchinterval() * 1000, "ms")
'''


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
    for m in re.finditer(r"MPBENCH (pool\d_speedup|two_over_one|seq_s) (\S+)", text):
        try:
            rows.append([platform, "multiprocessing", m.group(1), float(m.group(2)), ""])
        except ValueError:
            pass


def guest(kernel, script, cpus, timeout, args=""):
    env = dict(os.environ, CPUS=str(cpus), CONSOLE_MUX="0", TIMEOUT=str(timeout), SCRIPT=script,
               EXIT="1", ARGS=args)
    return run(["/bin/bash", os.path.join(REPO, "qemu", "run.sh"), kernel], env, timeout + 60)


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
        seq = val(rows, plat, "countdown", "new sequential")
        if not seq:
            continue
        dat = os.path.join(outdir, f"countdown_{plat}.dat")
        with open(dat, "w") as f:
            for c in cfgs:
                v = val(rows, plat, "countdown", c)
                if v is not None:
                    f.write(f'"{c}" {v / seq:.3f}\n')
        png = os.path.join(outdir, f"countdown_{plat}.png")
        gp = (f'set terminal png size 900,420; set output "{png}"; set style fill solid 0.6; '
              f'set boxwidth 0.7; set ylabel "time / new sequential"; set xtics rotate by -30; '
              f'set title "countdown, {plat}: time relative to one thread (Beazley: 2 threads 1.97x, '
              f'1 core 1.45x under the old GIL)"; set yrange [0:*]; '
              f'plot "{dat}" using 0:2:xtic(1) with boxes notitle, 1 with lines dt 2 notitle')
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


def report_md(outdir, rows, platforms, pngs, cmdline):
    L = ["# Tollbooth: the seeds' experiments", "",
         f"Generated by `{cmdline}` (tests/report/report.py). Host: build/host/tollpy on the 2-core "
         "dev machine (shared, loaded); guest: QEMU TCG `-smp 2`. Beazley's figures: CPython 2.6, "
         "seed 003 (his machine, his COUNT); ours are relative to our own sequential time.", ""]
    L += ["## Countdown (seed 003)", "",
          "| config | Beazley (s) | Beazley (x seq) | " + " | ".join(f"{p} (s) | {p} (x seq)" for p in platforms) + " |",
          "|---|---|---|" + "---|---|" * len(platforms)]
    cfgs = ["new sequential", "new 2 threads", "new 4 threads", "old sequential", "old 2 threads",
            "old 4 threads", "old 2 threads, 1 core", "none sequential", "none 2 threads", "none 4 threads"]
    for c in cfgs:
        key = "sequential" if c.endswith("sequential") and c.startswith("old") else c
        b = SEEDS.get(("countdown", key))
        cells = [c, f"{b}" if b else "", f"{b / 7.8:.2f}" if b else ""]
        for p in platforms:
            v, s = val(rows, p, "countdown", c), val(rows, p, "countdown", c.split()[0] + " sequential")
            cells += [f"{v:.3f}" if v is not None else "-", f"{v / s:.2f}" if v and s else "-"]
        L.append("| " + " | ".join(cells) + " |")
    def ratio(p, c, base):
        v, b = val(rows, p, "countdown", c), val(rows, p, "countdown", base)
        return f"{v / b:.2f}x" if v and b else "-"
    L += ["", "Where ours differ: Beazley's old GIL ran 2 threads 1.97x slower than one and 1.45x "
          "(11.3 s; 11.6 s in his second run) with one core. " + "; ".join(
              f"{p}: old 2 threads {ratio(p, 'old 2 threads', 'old sequential')}, one core "
              f"{ratio(p, 'old 2 threads, 1 core', 'old sequential')}, new 2 threads "
              f"{ratio(p, 'new 2 threads', 'new sequential')}" for p in platforms) +
          ". The battle is worse than his because each failed wake-up wakes a vCPU / host thread "
          "that the 2-core, shared dev host must schedule (guest cross-core wake-ups cost 0.1-5 ms, "
          "notes/kernel.md); on the guest one core is less slow than two, as in his talk, while "
          "on the host `gil.cores(1)` pins the process to one core of a loaded machine, which "
          "costs more than the battle it avoids. `new` stays near 1x, as CPython 3.2+ (timed "
          "waits, drop requests, forced switching).",
          "", "## GIL counters", "", "| platform | counter | value |", "|---|---|---|"]
    for r in rows:
        if r[1] == "gil":
            L.append(f"| {r[0]} | {r[2]} | {r[3]:.0f} |")
    L += ["", "## Counter without a lock (seed 003)", "", "| platform | config | lost updates |", "|---|---|---|"]
    for r in rows:
        if r[1] == "counter":
            L.append(f"| {r[0]} | {r[2].replace(' lost updates', '')} | {r[3]:.0f} |")
    L += ["", "`new`/`prio` check the eval breaker only at back-edges and calls, so `x += 1` is never "
          "split (as CPython 3.10+); `old` checks at every instruction and `none` runs in parallel: "
          "updates are lost. Only the lock is exact everywhere.",
          "", "## Sleepers, convoy, switch interval, free-threading, multiprocessing", "",
          "| platform | experiment | value | seeds |", "|---|---|---|---|"]
    seedtxt = {"sleepers": "I/O releases the GIL: ~0.1 s for 4 threads",
               "convoy": "bpo-7946: ~ interval + I/O under new; prio is our cure",
               "switch": "CPython: 5 ms", "freethreaded": "PEP 703: ~10-15% single-thread cost",
               "multiprocessing": "processes scale (no shared GIL)"}
    for r in rows:
        if r[1] in seedtxt:
            L.append(f"| {r[0]} | {r[1]}: {r[2]} | {r[3]:.3f} {r[4]} | {seedtxt[r[1]]} |")
    L += ["", "Where ours differ: the free-threaded build's single-thread cost is the atomic "
          "reference counts and per-object locks (PEP 703 quotes ~10-15%); under QEMU TCG every "
          "LDREX/STREX is emulated, so the guest pays far more than the host. The convoy under "
          "`new` is ~ the 5 ms interval plus the wake-up on the host and much more on the guest "
          "(vCPU wake-ups of the loaded host); `prio` brings it near the 1 ms of the sleep itself. "
          "Multiprocessing speed-ups need idle host cores: on the shared 2-core dev machine they "
          "stay near 1x (see tests/bench/mp_bench.py for the quiet-host figures).",
          "", "## Plots", ""] + [f"![{os.path.basename(p)}]({os.path.basename(p)})" for p in pngs]
    with open(os.path.join(outdir, "report.md"), "w") as f:
        f.write("\n".join(L) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build", "host", "tollpy"))
    ap.add_argument("--kernel", default=os.path.join(REPO, "build", "kernel.elf"))
    ap.add_argument("--out", default=os.path.join(REPO, "build", "report"))
    ap.add_argument("--host-count", type=int, default=10000000)
    ap.add_argument("--guest-count", type=int, default=1000000)
    ap.add_argument("--no-guest", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rows, platforms = [], []
    tmp = tempfile.mkdtemp()
    hp = os.path.join(tmp, "host.py")
    open(hp, "w").write(PROG.replace("__COUNT__", str(a.host_count)))
    print(f"report: host experiments (COUNT={a.host_count}) ...", flush=True)
    rc, out = run([a.tollpy, hp])
    parse("host", out, rows)
    rc2, out2 = run([a.tollpy, os.path.join(REPO, "tests", "bench", "mp_bench_prog.py"), "2000000", "8"])
    parse("host", out2, rows)
    platforms.append("host")
    if rc != 0:
        print(f"report: host run status {rc}\n{out[-2000:]}", file=sys.stderr)
    if not a.no_guest:
        gp = os.path.join(tmp, "guest.py")
        open(gp, "w").write(PROG.replace("__COUNT__", str(a.guest_count)))
        print(f"report: guest experiments, CPUS=2 (COUNT={a.guest_count}) ...", flush=True)
        rc, out = guest(a.kernel, gp, 2, 600)
        parse("guest", out, rows)
        if rc != 0:
            print(f"report: guest run status {rc}\n{out[-2000:]}", file=sys.stderr)
        rc2, out2 = guest(a.kernel, os.path.join(REPO, "tests", "bench", "mp_bench_prog.py"), 2, 300,
                          args="200000 8")
        parse("guest", out2, rows)
        platforms.append("guest")
    with open(os.path.join(a.out, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["platform", "experiment", "config", "value", "unit"])
        w.writerows(rows)
    pngs = plot(a.out, rows, platforms)
    report_md(a.out, rows, platforms, pngs, "make report")
    print(f"report: {len(rows)} figures -> {a.out}/results.csv, report.md, {len(pngs)} plots")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
