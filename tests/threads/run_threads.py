#!/usr/bin/python3
"""tests/threads/run_threads.py — the thread programs under every GIL policy (`make test-threads`).

Each tests/threads/*.py runs under build/host/tollpy once per policy (TOLLPY_GIL=new, old, prio,
none; --policies to choose). Its stdout and exit status are compared with NAME.expected when that
file exists (tollpy-only programs), else with /usr/bin/python3's run of the same file (computed
once). stderr is not compared (thread tracebacks go there), except that it must not show a crash.
Outputs are structural (counts, booleans, event order fixed by Events/joins), never timings;
a program whose output could depend on scheduling must make it deterministic itself.

tests/threads/unsafe/*.py run UNSAFE_RUNS times under the `unsafe` policy (set by the program);
each run must end in one of: status 0 with no corruption report (survived by luck); status 1 with
"corruption detected" on stderr (the policy's report: a check, a contained crash, or the
watchdog); status 1 with a Python exception as the last line (the corruption surfaced as a wrong
exception and the interpreter ended cleanly). A signal (a glibc abort: 134), any other status,
or reaching the hang guard fails.

Time limits here are hang guards only (HANG_GUARD_S): far above what any program needs on a
loaded 2-core machine. Stdlib only.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRASH = re.compile(r"Segmentation fault|AddressSanitizer|runtime error:|Aborted|core dumped|"
                   r"double free|malloc\(\)|corrupted size")
HANG_GUARD_S = 120     # the slowest program needs a few seconds; this only catches hangs
UNSAFE_RUNS = 3
REPO = os.path.dirname(os.path.dirname(HERE))


def run(cmd, env=None, timeout=HANG_GUARD_S):
    try:
        p = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build/host/tollpy"))
    ap.add_argument("--policies", default="new,old,prio,none")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    # run a private copy: other engineers rebuild build/host/tollpy concurrently
    import shutil
    import tempfile
    snap_dir = tempfile.mkdtemp(prefix="tollpy-threads-")
    snap = os.path.join(snap_dir, "tollpy")
    shutil.copy2(a.tollpy, snap)
    a.tollpy = snap
    files = a.files or sorted(glob.glob(os.path.join(HERE, "*.py")))
    files = [os.path.abspath(f) for f in files if not os.path.basename(f).startswith(("run_", "bench_"))]
    policies = a.policies.split(",")
    known = {}
    kf = os.path.join(HERE, "KNOWN_FAILURES")
    if os.path.exists(kf):
        for line in open(kf):
            line = line.split("#")[0].strip()
            if line:
                parts = line.split(None, 1)
                known[parts[0]] = parts[1] if len(parts) > 1 else ""

    def expected(f):
        exp = f[:-3] + ".expected"
        if os.path.exists(exp):
            return 0, open(exp).read()
        rc, out, _ = run(["/usr/bin/python3", f])
        return rc, out

    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        exps = dict(zip(files, ex.map(expected, files)))
        jobs = []
        for f in files:
            for p in policies:
                env = dict(os.environ, TOLLPY_GIL=p)
                jobs.append((f, p, ex.submit(run, [a.tollpy, f], env)))
        failed = 0
        for f, p, fut in jobs:
            rc, out, err = fut.result()
            erc, eout = exps[f]
            name = "%s [%s]" % (os.path.relpath(f, REPO), p)
            base = os.path.basename(f)
            if rc == erc and out == eout and not CRASH.search(err):
                print("ok   ", name, "(now passing: remove from KNOWN_FAILURES)" if base in known else "")
            elif base in known:
                print("known", name, "-", known[base])
            else:
                failed += 1
                print("FAIL ", name, "status", rc, "expected", erc)
                for line in out.splitlines()[-8:]:
                    print("   got:", line)
                for line in eout.splitlines()[-8:]:
                    print("   exp:", line)
                for line in err.splitlines()[-5:]:
                    print("   err:", line)
        # unsafe/: status 0 (survived by luck) or 1 with the corruption report; never a hang/crash
        for f in sorted(glob.glob(os.path.join(HERE, "unsafe", "*.py"))) if not a.files else []:
            for rnd in range(UNSAFE_RUNS):
                rc, out, err = run([a.tollpy, f], dict(os.environ, TOLLPY_GIL="new"))
                name = "%s [unsafe run %d]" % (os.path.relpath(f, REPO), rnd + 1)
                jobs.append(name)
                last = err.strip().splitlines()[-1] if err.strip() else ""
                reported = "corruption detected" in out + err   # the report goes to the console (stdout)
                if rc == 0 and not reported:
                    print("ok   ", name, "(survived)")
                elif rc == 1 and reported:
                    print("ok   ", name, "(corruption reported)")
                elif rc == 1 and "AddressSanitizer" in err:
                    print("ok   ", name, "(corruption caught by AddressSanitizer)")
                elif rc == 1 and re.match(r"^[A-Za-z_.]+(Error|Exception)\b", last):
                    # undetected corruption surfaced as a wrong exception: the interpreter ended
                    # cleanly, which is what unsafe promises (report where it can, never a hang)
                    print("ok   ", name, "(corruption surfaced as: %s)" % last[:60])
                else:
                    failed += 1
                    print("FAIL ", name, "status", rc, err.strip().splitlines()[-1:] if err else "")
    print("%d of %d failed" % (failed, len(jobs)))
    shutil.rmtree(snap_dir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
