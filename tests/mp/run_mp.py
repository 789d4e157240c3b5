#!/usr/bin/python3
"""tests/mp/run_mp.py — the multiprocessing programs (`make test-mp`, `make test-mp-qemu`).

Host (default): each tests/mp/*.py (not run_*, bench_*, demo_*) runs under build/host/tollpy
once per GIL policy (TOLLPY_GIL=new and none by default; --policies). Its stdout and exit status
are compared with NAME.expected when that file exists, else with /usr/bin/python3's run of the
same file (CPython forks on Linux, so only programs whose output does not depend on spawn vs
fork are compared that way). In a .expected file a line starting with `~` is a regular
expression the whole output line must match (timings, racy counts). stderr is not compared
(child tracebacks go there) but must not show a crash. Outputs are structural, never timings:
an order that depends on scheduling is fixed by the program (Events, joins, queues), and a
figure such as "Time taken" is only matched by a `~` pattern, never judged.

--qemu: the names listed in tests/mp/QEMU_SUBSET run in the guest the way
`CPUS=2 SCRIPT=f EXIT=1 ./qemu/run.sh` does, compared the same way (status 101 = panic = fail).
Stdlib only.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CRASH = re.compile(r"Segmentation|AddressSanitizer|runtime error:|Aborted|core dumped|panic")


HANG_GUARD_S = 90     # host programs need a few seconds at most; this only catches hangs


def run(cmd, env=None, timeout=HANG_GUARD_S):
    try:
        p = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def matches(want, got):
    wl = want.rstrip("\n").split("\n")
    gl = got.rstrip("\n").split("\n")
    if len(wl) != len(gl):
        return False
    for w, g in zip(wl, gl):
        if w.startswith("~"):
            if not re.fullmatch(w[1:], g):
                return False
        elif w != g:
            return False
    return True


def expected(f):
    exp = f[:-3] + ".expected"
    if os.path.exists(exp):
        return 0, open(exp).read()
    rc, out, _ = run(["/usr/bin/python3", f])
    return rc, out


BANNER = re.compile(r"^Tollbooth: \d+/\d+ cores? online")
EXIT_MARK = re.compile(r"^\x04?TOLLBOOTH-EXIT")


def guest_output(raw):
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, l in enumerate(lines):
        if BANNER.match(l.lstrip("\x1b[0m")):
            start = i + 1
            break
    else:
        return None
    end = len(lines)
    for i in range(start, len(lines)):
        if EXIT_MARK.match(lines[i]):
            end = i
            break
    return "\n".join(lines[start:end])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build/host/tollpy"))
    ap.add_argument("--policies", default="new,none")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--qemu", action="store_true")
    ap.add_argument("--cpus", default="2")
    ap.add_argument("--kernel", default=os.path.join(REPO, "build/kernel.elf"),
                    help="guest kernel built with the interpreter (make KERNEL_INTERP=1)")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    if a.qemu:
        names = [l.split("#")[0].strip() for l in open(os.path.join(HERE, "QEMU_SUBSET"))]
        files = a.files or [os.path.join(HERE, n) for n in names if n]
    else:
        files = a.files or sorted(glob.glob(os.path.join(HERE, "*.py")))
        files = [f for f in files if not os.path.basename(f).startswith(("run_", "bench_", "demo_"))]
        # run a private copy: other engineers rebuild build/host/tollpy concurrently
        snap_dir = tempfile.mkdtemp(prefix="tollpy-mp-")
        snap = os.path.join(snap_dir, "tollpy")
        shutil.copy2(a.tollpy, snap)
        a.tollpy = snap
    files = [os.path.abspath(f) for f in files]
    failed = 0
    njobs = 0
    with concurrent.futures.ThreadPoolExecutor(1 if a.qemu else a.jobs) as ex:
        exps = dict(zip(files, ex.map(expected, files)))
        jobs = []
        for f in files:
            if a.qemu:
                # TIMEOUT (guest) and 180 s (host side) are hang guards for one boot + program
                env = dict(os.environ, CPUS=a.cpus, SCRIPT=f, EXIT="1", TIMEOUT="120")
                jobs.append((f, "guest CPUS=%s" % a.cpus,
                             ex.submit(run, [os.path.join(REPO, "qemu/run.sh"), a.kernel], env, 180)))
            else:
                for p in a.policies.split(","):
                    env = dict(os.environ, TOLLPY_GIL=p, TOLLPY_MEM=str(256 << 20))
                    jobs.append((f, p, ex.submit(run, [a.tollpy, f], env)))
        for f, p, fut in jobs:
            njobs += 1
            rc, out, err = fut.result()
            if a.qemu and rc != "timeout":
                out = guest_output(out)
                if out is None:
                    out = ""
                    err = "no banner"
            erc, eout = exps[f]
            name = "%s [%s]" % (os.path.relpath(f, REPO), p)
            if rc == erc and matches(eout, out) and not CRASH.search(err):
                print("ok   ", name)
            else:
                failed += 1
                print("FAIL ", name, "status", rc, "expected", erc)
                for line in out.splitlines()[-10:]:
                    print("   got:", line)
                for line in eout.splitlines()[-10:]:
                    print("   exp:", line)
                for line in err.splitlines()[-6:]:
                    print("   err:", line)
    print("%d of %d failed" % (failed, njobs))
    if not a.qemu:
        shutil.rmtree(snap_dir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
