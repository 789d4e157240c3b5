#!/usr/bin/python3
"""tests/bench/mp_bench.py — multiprocessing figures (`make bench-mp`, also part of `make bench`).

Runs tests/bench/mp_bench_prog.py on the host tollpy and in the guest with -smp 2 and -smp 4
(started through the launcher, qemu/tollbooth.py; guest time from the guest's own clock), and
prints one table: process start+join cost, child bootstrap time, memory per process (the child
interpreter's heap after re-running the main module, and what is left accounted after it exits),
Queue round-trip latency, Pool(n).map speed-up over sequential for n = 1, 2, 4, and the
"two processes vs one" ratio of the tutorial's cpu_task program.
Writes build/bench/mp.md. The guest kernel is build/kernel.elf (made here if out of date).
Figures, never assertions: the dev host has 2 cores and is shared.
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PROG = os.path.join(HERE, "mp_bench_prog.py")
sys.path.insert(0, os.path.join(REPO, "qemu"))
import tollbooth  # noqa: E402  (the launcher)

KEYS = [
    ("start_join_ms_median", "process start+join, median of 10 (ms)"),
    ("start_join_ms_min", "process start+join, best (ms)"),
    ("child_ready_ms", "child bootstrap: new interpreter + re-run main (ms)"),
    ("mem_interp_bytes", "heap of a fresh child interpreter (bytes)"),
    ("mem_after_main_bytes", "child heap after re-running the main module (bytes)"),
    ("mem_left_after_exit_bytes", "heap still accounted at child exit (bytes)"),
    ("stack_bytes", "process thread stack (bytes, 0 = platform default)"),
    ("queue_roundtrip_us", "Queue round trip parent->child->parent (us)"),
    ("seq_s", "sequential: 8 x cpu_task (s)"),
    ("pool1_speedup", "Pool(1).map speed-up"),
    ("pool2_speedup", "Pool(2).map speed-up"),
    ("pool4_speedup", "Pool(4).map speed-up"),
    ("two_over_one", "two processes / one process (time ratio; 1.0 = parallel)"),
    ("counter_nolock_lost_pct", "shared Value counter, 2 processes, no lock: updates lost (%)"),
    ("counter_nolock_us_per_op", "  ... time per increment (us)"),
    ("counter_lock_exact", "shared Value counter with a Lock: exact"),
    ("counter_lock_us_per_op", "  ... time per locked increment (us)"),
]


def parse(out):
    r = {}
    for line in out.splitlines():
        m = re.match(r"\s*MPBENCH (\S+) (\S+)", line)
        if m:
            r[m.group(1)] = m.group(2)
    return r


def run(cmd, env=None, timeout=600):
    try:
        p = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return 124, ""


def guest_kernel():
    k = os.path.join(REPO, "build/kernel.elf")
    subprocess.run(["make", "-s", "build/kernel.elf"], cwd=REPO)
    return k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build/host/tollpy"))
    ap.add_argument("--host-work", default="3000000")
    ap.add_argument("--guest-work", default="400000")
    ap.add_argument("--tasks", default="8")
    ap.add_argument("--no-guest", action="store_true")
    ap.add_argument("--kernel", default=None, help="guest kernel with the interpreter (default: see above)")
    a = ap.parse_args()
    cols = []
    rc, out = run([a.tollpy, PROG, a.host_work, a.tasks])
    cols.append(("host tollpy (%d cores)" % os.cpu_count(), parse(out), rc))
    if not a.no_guest:
        k = a.kernel or guest_kernel()
        for cpus in ("2", "4"):
            r = tollbooth.run_batch(PROG, k, cpus=cpus, timeout=500,
                                    args="%s %s" % (a.guest_work, a.tasks))
            rc, out = r.status, r.text()
            cols.append(("guest -smp %s" % cpus, parse(out), rc))
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = -1
    hdr = ["figure"] + [c[0] for c in cols]
    rows = [[label] + [c[1].get(key, "-") for c in cols] for key, label in KEYS]
    widths = [max(len(str(r[i])) for r in [hdr] + rows) for i in range(len(hdr))]
    print("  ".join(h.ljust(w) for h, w in zip(hdr, widths)))
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)))
    bad = [c[0] + " status %s" % c[2] for c in cols if c[2] != 0]
    for b in bad:
        print("note:", b)
    md = ["# multiprocessing figures (%s, host load average %.1f)" %
          (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load), "",
          "host work per task: %s iterations; guest: %s; %s tasks" % (a.host_work, a.guest_work, a.tasks), "",
          "| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    md += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    md += ["- " + b for b in bad]
    os.makedirs(os.path.join(REPO, "build/bench"), exist_ok=True)
    with open(os.path.join(REPO, "build/bench/mp.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("wrote build/bench/mp.md")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
