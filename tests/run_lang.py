#!/usr/bin/python3
"""tests/run_lang.py — run Python programs under tollpy and under CPython 3.11 and compare.

Called by mk/tests.mk (`make test`, `make test-lang`, `make test-bad`, `make test-qemu-lang`)
and by hand:

    /usr/bin/python3 tests/run_lang.py [--tollpy build/host/tollpy] [--show-diff] [tests/lang ...]
    /usr/bin/python3 tests/run_lang.py --bad [--tollpy ...] [tests/bad]
    /usr/bin/python3 tests/run_lang.py --qemu [tests/lang]        # names in tests/lang/QEMU_SUBSET

Modes
  lang (default)  Each `*.py` under the given dirs (or the given files) runs with the interpreter
                  under test and with /usr/bin/python3 (the oracle), from the repo root, with the
                  script's absolute path (CPython shows absolute paths in tracebacks). Compared:
                  stdout byte for byte; the exit status (a death by signal N counts as 128+N,
                  which is what CPython's uncaught KeyboardInterrupt gives: 130); when either
                  status is non-zero, the last non-blank line of stderr (`Type: message`).
                  A test whose first line is `# check: traceback` compares all of stderr, after
                  dropping lines made only of whitespace, `^` and `~` (CPython 3.11's position
                  markers; tollpy need not print them).
  --bad           Each file under tests/bad (any extension; `gen_*.py` generators run first and
                  write generated cases into build/tests/bad/) runs with tollpy only. Asserted:
                  exit status 1, the last line of stderr names a Python exception, no signal or
                  crash (status < 0 or >= 128 fails); the time limit is a hang guard only. A first line
                  `# expect: NameA NameB` narrows the accepted exception names; `ok` among
                  them also accepts exit 0 (cases a correct interpreter may simply run); `ok` alone
                  requires exit 0.
                  The interpreter's memory limit comes from the environment: TOLLPY_MEM=256 MiB
                  (host_main.c's variable; --mem-env), plus a flag if `tollpy --help` shows one
                  (--mem-flag); an RLIMIT_AS of 4 GiB (--rlimit-as-mb, 0 under ASan) keeps a
                  broken limit from eating the shared machine.
  --qemu          Each name listed in <dir>/QEMU_SUBSET runs in the guest the way
                  `make run SCRIPT=file EXIT=1 CPUS=2 TIMEOUT=30` does (qemu/run.sh called directly
                  so the guest's exit status is not rewritten by make); the console output is cut to the
                  part after the `Tollbooth: N/N cores online` banner line and before the exit
                  marker line (`\\x04TOLLBOOTH-EXIT...` / `TOLLBOOTH-EXIT...`, if the guest ever
                  prints one), CR/LF normalised, and compared with CPython's stdout; for a program
                  that ends in an exception the console must start with CPython's stdout and end
                  with its `Type: message` line, and the guest's exit status must match.

Known gaps: <dir>/KNOWN_FAILURES lists `name  reason` lines (`#` comments allowed). A listed test
that fails is reported as "known failure" and does not fail the run; a listed test that passes is
reported "now passing, remove from KNOWN_FAILURES". Any other failure makes the exit status 1.

Verdicts never depend on how fast the host is: what is compared is output, status and the
exception's name. The per-test time limit (--timeout) is a hang guard, far above what any test
needs on a loaded 2-core machine (defaults: 60 s; 120 s in --bad mode, whose cases run into the
memory limit or the recursion limit; 180 s per guest boot in --qemu mode). The slowest tests are
printed as figures after the summary, not judged.

Stdlib only; run with /usr/bin/python3. Parallel with --jobs (default 2).
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import signal
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3"
CARET_LINE = re.compile(r"^[\s^~]*$")
EXC_LINE = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_.]*)(:|$)")
PY_EXC_NAMES = re.compile(
    r"(Error|Exception|Interrupt|Exit|Iteration|Warning)$")


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def norm_status(rc):
    if rc is None:
        return None
    return 128 - rc if rc < 0 else rc


def limit_as(mb):
    def f():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return f


def run(cmd, timeout, cwd=REPO, stdin_data=b"", extra_env=None, as_mb=0):
    t0 = time.monotonic()
    env = clean_env()
    if extra_env:
        env.update(extra_env)
    try:
        p = subprocess.run(cmd, cwd=cwd, input=stdin_data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, env=env,
                           start_new_session=True, preexec_fn=limit_as(as_mb) if as_mb else None)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - t0, False
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b"", time.monotonic() - t0, True
    except OSError as e:
        return None, b"", str(e).encode(), time.monotonic() - t0, False


def last_line(b):
    lines = [l for l in b.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def strip_carets(b):
    lines = b.decode("utf-8", "replace").splitlines()
    return "\n".join(l.rstrip() for l in lines if not CARET_LINE.match(l))


def first_line(path):
    try:
        with open(path, "rb") as f:
            return f.readline().decode("utf-8", "replace").lstrip("\ufeff").strip()
    except OSError:
        return ""


def load_known(d):
    known = {}
    p = os.path.join(d, "KNOWN_FAILURES")
    if os.path.exists(p):
        for line in open(p, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            name = parts[0]
            if name.endswith(".py"):
                name = name[:-3]
            known[name] = parts[1] if len(parts) > 1 else "(no reason given)"
    return known


def collect(paths, exts=(".py",)):
    out = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for n in sorted(os.listdir(p)):
                if exts is None or n.endswith(exts):
                    if n in ("KNOWN_FAILURES", "QEMU_SUBSET", "README", "README.md"):
                        continue
                    if n.startswith("gen_") or n.startswith("."):
                        continue
                    fp = os.path.join(p, n)
                    if os.path.isfile(fp):
                        out.append(fp)
        elif os.path.isfile(p):
            out.append(p)
        else:
            print(f"run_lang: no such test or dir: {p}", file=sys.stderr)
            sys.exit(2)
    return out


def test_name(path):
    n = os.path.basename(path)
    return n[:-3] if n.endswith(".py") else n


def diff_text(a, b, la="cpython", lb="tollpy"):
    a = a.decode("utf-8", "replace") if isinstance(a, bytes) else a
    b = b.decode("utf-8", "replace") if isinstance(b, bytes) else b
    d = difflib.unified_diff(a.splitlines(), b.splitlines(), la, lb, lineterm="", n=2)
    out = list(d)
    if len(out) > 60:
        out = out[:60] + [f"... ({len(out) - 60} more diff lines)"]
    return "\n".join(out)


# ---------------------------------------------------------------- lang mode

def compare_one(path, tollpy_cmd, timeout):
    """Returns (ok, reason, details)."""
    full_tb = first_line(path).startswith("# check: traceback")
    ec, eo, ee, _, et = run([CPYTHON, path], timeout)
    if et:
        return False, "oracle timeout (CPython took > timeout)", ""
    gc, go, ge, gt, gto = run(tollpy_cmd + [path], timeout)
    if gto:
        return False, f"timeout after {timeout}s", ""
    ec, gc = norm_status(ec), norm_status(gc)
    problems = []
    details = []
    if gc is None:
        return False, "could not run: " + ge.decode("utf-8", "replace"), ""
    if gc >= 128 and ec != gc:
        problems.append(f"killed by signal {gc - 128}")
    if eo != go:
        problems.append("stdout differs")
        details.append(diff_text(eo, go))
    if ec != gc:
        problems.append(f"exit status {gc}, expected {ec}")
    if ec != 0 or gc != 0:
        if full_tb:
            a, b = strip_carets(ee), strip_carets(ge)
            if a != b:
                problems.append("traceback differs")
                details.append(diff_text(a, b, "cpython stderr", "tollpy stderr"))
        else:
            a, b = last_line(ee), last_line(ge)
            if a != b:
                problems.append("error line differs")
                details.append(f"  expected: {a}\n  got:      {b}")
    if not problems and gc != 0:
        pass
    if problems:
        if ge.strip() and "error line differs" not in problems and "traceback differs" not in problems:
            details.append("  tollpy stderr (tail): " + " | ".join(
                ge.decode("utf-8", "replace").strip().splitlines()[-3:]))
        return False, "; ".join(problems), "\n".join(details)
    return True, "", ""


# ---------------------------------------------------------------- bad mode

def bad_generate(bad_dirs, outdir):
    os.makedirs(outdir, exist_ok=True)
    for d in bad_dirs:
        if not os.path.isdir(d):
            continue
        for n in sorted(os.listdir(d)):
            if n.startswith("gen_") and n.endswith(".py"):
                r = subprocess.run([CPYTHON, os.path.join(d, n), outdir], cwd=REPO)
                if r.returncode != 0:
                    print(f"run_lang: generator {n} failed", file=sys.stderr)
                    sys.exit(2)
    return outdir


def bad_one(path, tollpy_cmd, timeout, mem_args, mem_env, as_mb):
    head = first_line(path)
    expect = None
    if head.startswith("# expect:"):
        expect = head[len("# expect:"):].split()
    cmd = tollpy_cmd + mem_args + [path]
    gc, go, ge, gt, gto = run(cmd, timeout, extra_env=mem_env, as_mb=as_mb)
    if gto:
        return False, f"no exception within {timeout}s (timeout)", ""
    if gc is None:
        return False, "could not run: " + ge.decode("utf-8", "replace"), ""
    tail = last_line(ge)
    details = "  stderr (tail): " + " | ".join(
        ge.decode("utf-8", "replace").strip().splitlines()[-3:])
    if gc < 0 or gc >= 128:
        sig = -gc if gc < 0 else gc - 128
        try:
            sname = signal.Signals(sig).name
        except ValueError:
            sname = str(sig)
        return False, f"crashed: signal {sname} (status {gc})", details
    if expect and "ok" in expect and gc == 0:
        return True, "", ""
    if expect == ["ok"]:
        return False, f"exit status {gc}, expected a clean run (0)", details
    m = EXC_LINE.match(tail)
    exc = m.group(1).split(".")[-1] if m else None
    if gc != 1:
        return False, f"exit status {gc}, expected 1", details
    if not exc or not PY_EXC_NAMES.search(exc):
        return False, "last stderr line names no Python exception", details
    names = [e for e in (expect or []) if e != "ok"]
    if names and exc not in names:
        return False, f"raised {exc}, expected one of {' '.join(names)}", details
    return True, "", ""


def tollpy_mem_args(tollpy_cmd, flag):
    if flag is not None:
        return flag.split() if flag else []
    try:
        h = subprocess.run(tollpy_cmd + ["--help"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=5).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        h = ""
    m = re.search(r"(--mem(?:ory)?[-_]?limit)[= ]", h) or re.search(r"(--mem(?:ory)?[-_]?limit)", h)
    if m:
        return [m.group(1) + "=256M"]
    m = re.search(r"(^|\s)(-m)\s+(SIZE|N|MB|BYTES)", h)
    if m:
        return ["-m", "256M"]
    return []


# ---------------------------------------------------------------- qemu mode

BANNER = re.compile(r"^Tollbooth: \d+/\d+ cores? online")
EXIT_MARK = re.compile(r"^\x04?TOLLBOOTH-EXIT")


def console_program_output(raw):
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = 0
    for i, l in enumerate(lines):
        if BANNER.match(l.lstrip("\x1b[0m")):
            start = i + 1
            break
    else:
        return None, None
    end = len(lines)
    status = None
    for i in range(start, len(lines)):
        if EXIT_MARK.match(lines[i]):
            end = i
            m = re.search(r"(-?\d+)\s*$", lines[i])
            status = int(m.group(1)) if m else None
            break
    return "\n".join(lines[start:end]), status


def qemu_one(path, timeout):
    ec, eo, ee, _, _ = run([CPYTHON, path], 10)
    # What `make run SCRIPT=... EXIT=1 CPUS=2 TIMEOUT=30` does, minus make's own status rewrite:
    # qemu/run.sh passes the guest's exit status through (semihosting), 124 on timeout.
    env_cmd = ["env", "CPUS=2", f"SCRIPT={path}", "EXIT=1", "TIMEOUT=30",
               os.path.join(REPO, "qemu/run.sh"), os.path.join(REPO, "build/kernel.elf")]
    gc, go, ge, _, gto = run(env_cmd, timeout)
    if gto or gc == 124:
        return False, "QEMU run timed out", ""
    out, status = console_program_output(go)
    if out is None:
        return False, "no `Tollbooth: N/N cores online` banner in console output", \
            "  console tail: " + " | ".join(go.decode("utf-8", "replace").splitlines()[-5:])
    if status is None:
        status = norm_status(gc)
    want = eo.decode("utf-8", "replace").replace("\r\n", "\n")
    got = out
    # The console may or may not emit a final newline before QEMU exits.
    if norm_status(ec) != 0 and last_line(ee):
        # The console carries stdout and the traceback together: stdout must come first and
        # the last line must be CPython's `Type: message` line.
        if not got.startswith(want):
            return False, "console output differs (before the traceback)", \
                diff_text(want, got, "cpython", "guest")
        if last_line(got.encode()) != last_line(ee):
            return False, "error line differs", \
                f"  expected: {last_line(ee)}\n  got:      {last_line(got.encode())}"
    elif want.rstrip("\n") != got.rstrip("\n"):
        return False, "console output differs", diff_text(want, got, "cpython", "guest")
    if status == 101:
        return False, "kernel panic (status 101)", "  " + got[-500:]
    if status != norm_status(ec):
        return False, f"guest exit status {status}, expected {norm_status(ec)}", ""
    return True, "", ""


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="test dirs or files (default tests/lang)")
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build/host/tollpy"),
                    help="interpreter under test (may include arguments, space separated)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=None)
    ap.add_argument("--show-diff", action="store_true", help="print diffs for failures")
    ap.add_argument("--bad", action="store_true", help="hostile-input mode (tests/bad)")
    ap.add_argument("--qemu", action="store_true", help="run <dir>/QEMU_SUBSET in the guest")
    ap.add_argument("--all", action="store_true", help="--qemu: every test, not just QEMU_SUBSET")
    ap.add_argument("--mem-flag", default=None,
                    help="memory-limit argument(s) for --bad mode ('' for none; default: "
                         "--mem-limit=256M if `tollpy --help` mentions such a flag)")
    ap.add_argument("--mem-env", default="TOLLPY_MEM=268435456",
                    help="NAME=VALUE set for --bad runs (host_main.c reads TOLLPY_MEM, bytes)")
    ap.add_argument("--rlimit-as-mb", type=int, default=4096,
                    help="address-space cap for --bad runs so a broken limit cannot eat the "
                         "machine (0 = none; must be 0 under ASan)")
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the interpreter in place instead of a private copy")
    ap.add_argument("--label", default=None, help="name printed in the summary line")
    a = ap.parse_args()

    tollpy_cmd = a.tollpy.split()
    if not os.path.isabs(tollpy_cmd[0]):
        tollpy_cmd[0] = os.path.join(REPO, tollpy_cmd[0])

    if a.bad:
        dirs = a.paths or [os.path.join(REPO, "tests/bad")]
        gen = bad_generate([os.path.abspath(d) for d in dirs if os.path.isdir(d)],
                           os.path.join(REPO, "build/tests/bad"))
        tests = collect(dirs, exts=None)
        if any(os.path.isdir(d) for d in dirs):
            tests += collect([gen], exts=None)
        timeout = a.timeout or 120      # hang guard (see the docstring)
        known_dirs = [os.path.abspath(d) for d in dirs if os.path.isdir(d)]
    else:
        dirs = a.paths or [os.path.join(REPO, "tests/lang")]
        tests = collect(dirs)
        timeout = a.timeout or (180 if a.qemu else 60)      # hang guards (see the docstring)
        known_dirs = [os.path.abspath(d) if os.path.isdir(d) else os.path.dirname(os.path.abspath(d))
                      for d in dirs]

    known = {}
    for d in known_dirs:
        known.update(load_known(d))

    if a.qemu:
        subset = set()
        for d in known_dirs:
            p = os.path.join(d, "QEMU_SUBSET")
            if os.path.exists(p):
                for line in open(p, encoding="utf-8"):
                    line = line.split("#", 1)[0].strip()
                    if line:
                        subset.add(line[:-3] if line.endswith(".py") else line)
        if not a.all:
            tests = [t for t in tests if test_name(t) in subset]
        missing = subset - {test_name(t) for t in tests} if not a.all else set()
        if missing:
            print("run_lang: QEMU_SUBSET names missing tests: " + " ".join(sorted(missing)))
        if not os.path.exists(os.path.join(REPO, "qemu/run.sh")):
            print("run_lang: qemu/run.sh does not exist yet; QEMU subset not run (SKIP)")
            return 0
        if not os.path.exists(os.path.join(REPO, "interp/KERNEL_READY")):
            print("run_lang: interp/KERNEL_READY absent: the guest has no Python yet;"
                  " QEMU subset not run (SKIP)")
            return 0
        if not os.path.exists(os.path.join(REPO, "build/kernel.elf")):
            print("run_lang: build/kernel.elf missing (make build/kernel.elf first)", file=sys.stderr)
            return 2

    if a.list:
        for t in tests:
            print(os.path.relpath(t, REPO))
        return 0

    if not a.qemu and not os.access(tollpy_cmd[0], os.X_OK):
        print(f"run_lang: interpreter {tollpy_cmd[0]} not found or not executable", file=sys.stderr)
        return 2

    # Snapshot the binary: other engineers rebuild build/host*/ while tests run, and a
    # half-written or replaced executable would show up as spurious failures.
    snapshot = None
    if not a.qemu and not a.no_snapshot:
        import shutil
        import tempfile
        os.makedirs(os.path.join(REPO, "build/tests"), exist_ok=True)
        fd, snapshot = tempfile.mkstemp(prefix="tollpy-", dir=os.path.join(REPO, "build/tests"))
        os.close(fd)
        shutil.copy2(tollpy_cmd[0], snapshot)
        os.chmod(snapshot, 0o755)
        shown = tollpy_cmd[0]
        tollpy_cmd = [snapshot] + tollpy_cmd[1:]
    else:
        shown = tollpy_cmd[0]
    try:
        return run_all(a, tests, tollpy_cmd, timeout, known, shown)
    finally:
        if snapshot:
            os.unlink(snapshot)


def run_all(a, tests, tollpy_cmd, timeout, known, shown):
    mem_args = tollpy_mem_args(tollpy_cmd, a.mem_flag) if a.bad else []
    mem_env = dict([a.mem_env.split("=", 1)]) if a.mem_env else {}

    took = {}

    def job(t):
        t1 = time.monotonic()
        try:
            if a.qemu:
                return t, qemu_one(t, timeout)
            if a.bad:
                return t, bad_one(t, tollpy_cmd, timeout, mem_args, mem_env, a.rlimit_as_mb)
            return t, compare_one(t, tollpy_cmd, timeout)
        finally:
            took[t] = time.monotonic() - t1

    label = a.label or ("qemu" if a.qemu else "bad" if a.bad else "lang")
    passed = failed = kfail = kpass = 0
    failures = []
    now_passing = []
    t0 = time.monotonic()
    jobs = 1 if a.qemu else max(1, a.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for t, (ok, why, details) in ex.map(job, tests):
            name = test_name(t)
            if ok:
                if name in known:
                    kpass += 1
                    now_passing.append(name)
                    print(f"PASS  {name}  (now passing, remove from KNOWN_FAILURES)")
                else:
                    passed += 1
            elif name in known:
                kfail += 1
                print(f"KNOWN {name}: {why}  [known failure: {known[name]}]")
            else:
                failed += 1
                failures.append(name)
                print(f"FAIL  {name}: {why}")
                if a.show_diff and details:
                    print(details)
            sys.stdout.flush()
    dt = time.monotonic() - t0
    print(f"[{label}] {passed + kpass} passed, {failed} failed, {kfail} known failures"
          f" ({len(tests)} tests, {dt:.1f}s, {shown if not a.qemu else 'qemu'})")
    slowest = sorted(took.items(), key=lambda kv: -kv[1])[:3]
    if slowest:    # a figure for whoever tunes the suite; never part of the verdict
        print(f"[{label}] slowest: " + ", ".join(f"{test_name(t)} {d:.1f}s" for t, d in slowest))
    if now_passing:
        print(f"[{label}] now passing, remove from KNOWN_FAILURES: " + " ".join(now_passing))
    if failures:
        print(f"[{label}] failed: " + " ".join(failures))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
