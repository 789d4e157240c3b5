#!/usr/bin/python3
"""tests/runner.py — the test runner: Python programs run by tollpy on the host or in the guest,
judged against CPython 3.11 (/usr/bin/python3, the oracle) or against NAME.expected.

    /usr/bin/python3 tests/runner.py SUITE [--target host|guest] [options] [files or dirs ...]

Called by the make targets test-lang, test-lang-asan, test-bad, test-bad-asan, test-qemu-lang
(mk/tests.mk), test-threads (mk/tests.mk), test-mp, qemu-test-mp (mk/mp.mk) and test-none-stress
(mk/tsan.mk); see tests/README.md for which part of the code each suite covers.

Suites (default directory; what one test is; what decides it)
  lang         tests/lang/*.py, once. Run with the interpreter under test and with the oracle, from
               the repo root, by absolute path (CPython prints absolute paths in tracebacks).
               Compared: stdout byte for byte; the exit status (a death by signal N counts as
               128+N, which is what CPython's uncaught KeyboardInterrupt gives: 130); when either
               status is non-zero, the last non-blank line of stderr (`Type: message`). A test
               whose first line is `# check: traceback` compares all of stderr, after dropping
               lines made only of whitespace, `^` and `~` (CPython 3.11's position markers).
               A NAME.expected beside the test replaces the oracle's run where CPython's output
               differs by design (e.g. help(): its builtins carry signatures ours do not): stdout
               must equal the file byte for byte and the exit status be 0.
  bad          tests/bad/* (any extension) plus what its `gen_*.py` generators write into
               build/tests/bad/, once, tollpy only. Asserted: exit status 1, the last line of
               stderr names a Python exception, no signal or crash (status < 0 or >= 128 fails).
               A first line `# expect: NameA NameB` narrows the accepted exception names; `ok`
               among them also accepts exit 0; `ok` alone requires exit 0. The interpreter's
               memory limit: TOLLPY_MEM=256 MiB in the environment (--mem-env; host_main.c reads
               it), plus a flag if `tollpy --help` shows one (--mem-flag); an RLIMIT_AS of 4 GiB
               (--rlimit-as-mb; 0 under ASan) keeps a broken limit from eating the shared machine.
  threads      tests/threads/*.py once per GIL policy (TOLLPY_GIL=new,old,prio,none; --policies).
               Compared with NAME.expected when it exists (exit status 0), else with the oracle's
               run: the exit status and stdout exactly; stderr is not compared (thread tracebacks
               go there) but must not show a crash (CRASH_THREADS). Then, when no files are named,
               tests/threads/unsafe/*.py UNSAFE_RUNS times each under their own `unsafe` policy;
               a run must end in one of: status 0 and no corruption report (survived by luck);
               status 1 with "corruption detected" in its output (the policy's report); status 1
               with an AddressSanitizer report; status 1 with a Python exception as the last
               stderr line (the corruption surfaced as a wrong exception, the interpreter ended
               cleanly). A signal, any other status, or the hang guard fails.
  mp           tests/mp/*.py (not demo_*) once per GIL policy (new,none; --policies), with
               TOLLPY_MEM=256 MiB. Compared with NAME.expected or the oracle (CPython forks on
               Linux: only programs whose output does not depend on spawn vs fork are compared
               that way): exit status, and stdout line by line, where a line of a .expected file
               that starts with `~` is a regular expression the whole output line must match
               (timings, racy counts: matched, never judged); trailing newlines are not compared.
               stderr must not show a crash (CRASH_MP).
  none-stress  tests/threads/none_*.py with TOLLPY_GIL=none on the ASan+UBSan build (--asan) and on
               the TSan build (--tsan; suppressions, each with its reason, in tests/threads/
               tsan.supp). A run passes when its exit status and stdout equal the oracle's and the
               sanitizers reported nothing (no ASan/UBSan report, no TSan warning).

Targets
  host (default)  the interpreter(s) named by --tollpy (--asan/--tsan for none-stress), each run
                  from a private copy under build/tests/ (--no-snapshot: in place), since
                  build/host*/ may be rebuilt while a suite runs.
  guest           lang, threads and mp only. The names in <dir>/QEMU_SUBSET (every test with --all; named
                  files as given) run one at a time in a fresh guest the way `make run SCRIPT=f
                  EXIT=1 CPUS=2` does, started by the launcher (qemu/tollbooth.py run_batch; no
                  make in between, so the guest's exit status is not rewritten). The console output
                  is cut to the part after the `Tollbooth: N/N cores online` banner line and before
                  an exit marker line (`\\x04TOLLBOOTH-EXIT...`, if the guest ever prints one), CR/LF
                  normalised, and compared like the suite's host run, against the oracle's stdout
                  or NAME.expected; for a program that ends in an exception the console must start
                  with the oracle's stdout and end with its `Type: message` line. The guest's exit
                  status must match; 101 (kernel panic) always fails.

Known gaps: <dir>/KNOWN_FAILURES lists `name  reason` lines (`#` comments allowed; `name` with or
without `.py`). A listed test that fails is reported "known failure" and does not fail the run;
a listed test that passes is reported "now passing, remove from KNOWN_FAILURES".

Exit status: 0 when every test passed or is a known failure, 1 when any other test failed,
2 for bad usage or a missing interpreter or kernel.

Verdicts come from what the programs did (output, exit status, exception names, sanitizer
reports), never from how long they took. Every time limit is a hang guard far above what a test
needs on a loaded 2-core machine (host, per run: lang 60 s, bad 120 s, threads 120 s, mp 90 s,
none-stress 300 s; guest, per boot: lang 30 s, threads 60 s, mp 120 s; --timeout overrides); a run that reaches
it is killed with its process group. The slowest runs are printed after the summary as figures,
not judged.

Stdlib only; run with /usr/bin/python3. Parallel on the host with --jobs (default 2); the guest
target runs one guest at a time.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3"
sys.path.insert(0, os.path.join(REPO, "qemu"))
import tollbooth  # noqa: E402  (the launcher: every guest starts there)

CARET_LINE = re.compile(r"^[\s^~]*$")
EXC_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)(:|$)")
PY_EXC_NAMES = re.compile(r"(Error|Exception|Interrupt|Exit|Iteration|Warning)$")
CRASH_THREADS = re.compile(r"Segmentation fault|AddressSanitizer|runtime error:|Aborted|core dumped|"
                           r"double free|malloc\(\)|corrupted size")
CRASH_MP = re.compile(r"Segmentation|AddressSanitizer|runtime error:|Aborted|core dumped|panic")
SANITIZER_REPORT = re.compile(r"ERROR: AddressSanitizer|runtime error:|WARNING: ThreadSanitizer")
BANNER = re.compile(r"^Tollbooth: \d+/\d+ cores? online")
EXIT_MARK = re.compile(r"^\x04?TOLLBOOTH-EXIT")
UNSAFE_RUNS = 3
NOT_TESTS = ("KNOWN_FAILURES", "QEMU_SUBSET", "README", "README.md")

# name: (default dir, file filter, host hang guard s, guest hang guard s or None, default policies)
SUITES = {
    "lang": ("tests/lang", lambda n: n.endswith(".py"), 60, 30, ""),
    "bad": ("tests/bad", None, 120, None, ""),
    "threads": ("tests/threads", lambda n: n.endswith(".py") and not n.startswith("bench_"),
                120, 60, "new,old,prio,none"),
    "mp": ("tests/mp", lambda n: n.endswith(".py") and not n.startswith(("bench_", "demo_")),
           90, 120, "new,none"),
    "none-stress": ("tests/threads", lambda n: n.startswith("none_") and n.endswith(".py"),
                    300, None, "none"),
}


# ---------------------------------------------------------------- running one program

class Ran:
    """What one run did: status (a death by signal N is 128+N; None if it could not start or
    hit the hang guard), stdout and stderr as bytes, seconds taken (a figure only)."""

    def __init__(self, status, out, err, secs, hung=False, error=""):
        self.status, self.out, self.err, self.secs, self.hung, self.error = \
            status, out, err, secs, hung, error

    def text(self):
        return self.out.decode("utf-8", "replace")

    def errtext(self):
        return self.err.decode("utf-8", "replace")


def clean_env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env


def norm_status(rc):
    if rc is None:
        return None
    return 128 - rc if rc < 0 else rc


def _limit_as(mb):
    def f():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return f


def run(cmd, timeout, extra_env=None, as_mb=0):
    """Run cmd from the repo root with empty stdin in its own process group; at the hang guard
    the whole group (the program and any process it started) is killed."""
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=clean_env(extra_env),
                             start_new_session=True,
                             preexec_fn=_limit_as(as_mb) if as_mb else None)
    except OSError as e:
        return Ran(None, b"", str(e).encode(), time.monotonic() - t0, error=str(e))
    try:
        out, err = p.communicate(b"", timeout=timeout)
        return Ran(norm_status(p.returncode), out, err, time.monotonic() - t0)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return Ran(None, out or b"", err or b"", time.monotonic() - t0, hung=True)


# ---------------------------------------------------------------- text helpers

def last_line(b):
    if isinstance(b, bytes):
        b = b.decode("utf-8", "replace")
    lines = [l for l in b.splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def tail(text, n, prefix):
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return ["%s%s" % (prefix, l) for l in text.splitlines()[-n:]]


def strip_carets(b):
    lines = b.decode("utf-8", "replace").splitlines()
    return "\n".join(l.rstrip() for l in lines if not CARET_LINE.match(l))


def first_line(path):
    try:
        with open(path, "rb") as f:
            return f.readline().decode("utf-8", "replace").lstrip("\ufeff").strip()
    except OSError:
        return ""


def diff_text(a, b, la="cpython", lb="tollpy"):
    a = a.decode("utf-8", "replace") if isinstance(a, bytes) else a
    b = b.decode("utf-8", "replace") if isinstance(b, bytes) else b
    out = list(difflib.unified_diff(a.splitlines(), b.splitlines(), la, lb, lineterm="", n=2))
    if len(out) > 60:
        out = out[:60] + ["... (%d more diff lines)" % (len(out) - 60)]
    return "\n".join(out)


def lines_match(want, got, patterns):
    """mp's comparison: line by line, trailing newlines ignored; with patterns (a .expected
    file), a wanted line `~RE` matches a whole output line against RE."""
    wl = want.rstrip("\n").split("\n")
    gl = got.rstrip("\n").split("\n")
    if len(wl) != len(gl):
        return False
    for w, g in zip(wl, gl):
        if patterns and w.startswith("~"):
            if not re.fullmatch(w[1:], g):
                return False
        elif w != g:
            return False
    return True


# ---------------------------------------------------------------- collecting tests

def test_name(path):
    n = os.path.basename(path)
    return n[:-3] if n.endswith(".py") else n


def collect(paths, keep):
    out = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for n in sorted(os.listdir(p)):
                if n in NOT_TESTS or n.startswith(("gen_", ".")) or n.endswith(".expected"):
                    continue
                if keep and not keep(n):
                    continue
                fp = os.path.join(p, n)
                if os.path.isfile(fp):
                    out.append(fp)
        elif os.path.isfile(p):
            out.append(p)
        else:
            print("runner: no such test or dir: %s" % p, file=sys.stderr)
            sys.exit(2)
    return out


def read_list(path):
    """Non-comment lines of KNOWN_FAILURES / QEMU_SUBSET as {name (no .py): rest}."""
    d = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            name = parts[0][:-3] if parts[0].endswith(".py") else parts[0]
            d[name] = parts[1].split("#")[0].strip() if len(parts) > 1 else ""
    return d


def bad_generate(dirs, outdir):
    os.makedirs(outdir, exist_ok=True)
    for d in dirs:
        for n in sorted(os.listdir(d)):
            if n.startswith("gen_") and n.endswith(".py"):
                r = subprocess.run([CPYTHON, os.path.join(d, n), outdir], cwd=REPO)
                if r.returncode != 0:
                    print("runner: generator %s failed" % n, file=sys.stderr)
                    sys.exit(2)


# ---------------------------------------------------------------- expectations

class Expect:
    """What a test should do: from NAME.expected (status 0, patterns allowed) or the oracle."""

    def __init__(self, status, out, err=b"", patterns=False, hung=False):
        self.status, self.out, self.err, self.patterns, self.hung = status, out, err, patterns, hung


def expectation(path, timeout, use_expected):
    exp = path[:-3] + ".expected"
    if use_expected and os.path.exists(exp):
        with open(exp, "rb") as f:
            return Expect(0, f.read(), patterns=True)
    r = run([CPYTHON, path], timeout)
    return Expect(r.status, r.out, r.err, hung=r.hung)


# ---------------------------------------------------------------- judges: (ok, why, details)

def judge_lang(path, exp, r):
    if exp.hung:
        return False, "oracle timeout (CPython took > the hang guard)", ""
    if r.hung:
        return False, "hang guard reached (%.0fs)" % r.secs, ""
    if r.status is None:
        return False, "could not run: " + r.errtext(), ""
    full_tb = first_line(path).startswith("# check: traceback")
    ec, gc = exp.status, r.status
    problems, details = [], []
    if gc >= 128 and ec != gc:
        problems.append("killed by signal %d" % (gc - 128))
    if exp.out != r.out:
        problems.append("stdout differs")
        details.append(diff_text(exp.out, r.out))
    if ec != gc:
        problems.append("exit status %d, expected %d" % (gc, ec))
    if ec != 0 or gc != 0:
        if full_tb:
            a, b = strip_carets(exp.err), strip_carets(r.err)
            if a != b:
                problems.append("traceback differs")
                details.append(diff_text(a, b, "cpython stderr", "tollpy stderr"))
        else:
            a, b = last_line(exp.err), last_line(r.err)
            if a != b:
                problems.append("error line differs")
                details.append("  expected: %s\n  got:      %s" % (a, b))
    if not problems:
        return True, "", ""
    if r.err.strip() and "error line differs" not in problems and "traceback differs" not in problems:
        details.append("  tollpy stderr (tail): " + " | ".join(tail(r.err, 3, "")))
    return False, "; ".join(problems), "\n".join(details)


def judge_bad(path, r):
    head = first_line(path)
    expect = head[len("# expect:"):].split() if head.startswith("# expect:") else None
    if r.hung:
        return False, "no exception within the hang guard (%.0fs)" % r.secs, ""
    if r.status is None:
        return False, "could not run: " + r.errtext(), ""
    details = "  stderr (tail): " + " | ".join(tail(r.err, 3, ""))
    gc = r.status
    if gc >= 128:
        try:
            sname = signal.Signals(gc - 128).name
        except ValueError:
            sname = str(gc - 128)
        return False, "crashed: signal %s (status %d)" % (sname, gc), details
    if expect and "ok" in expect and gc == 0:
        return True, "", ""
    if expect == ["ok"]:
        return False, "exit status %d, expected a clean run (0)" % gc, details
    m = EXC_LINE.match(last_line(r.err))
    exc = m.group(1).split(".")[-1] if m else None
    if gc != 1:
        return False, "exit status %d, expected 1" % gc, details
    if not exc or not PY_EXC_NAMES.search(exc):
        return False, "last stderr line names no Python exception", details
    names = [e for e in (expect or []) if e != "ok"]
    if names and exc not in names:
        return False, "raised %s, expected one of %s" % (exc, " ".join(names)), details
    return True, "", ""


def judge_program(exp, r, crash, loose):
    """threads (loose=False: stdout exactly) and mp (loose=True: lines_match)."""
    if r.hung:
        return False, "hang guard reached (%.0fs)" % r.secs, "\n".join(tail(r.err, 5, "   err: "))
    got, want = r.text(), exp.out.decode("utf-8", "replace")
    problems = []
    if r.status != exp.status:
        problems.append("status %s, expected %s" % (r.status, exp.status))
    if not (lines_match(want, got, exp.patterns) if loose else want == got):
        problems.append("stdout differs")
    m = crash.search(r.errtext())
    if m:
        problems.append("crash report on stderr (%s)" % m.group(0))
    if not problems:
        return True, "", ""
    return False, "; ".join(problems), "\n".join(
        tail(got, 10, "   got: ") + tail(want, 10, "   exp: ") + tail(r.err, 6, "   err: "))


def judge_unsafe(r):
    if r.hung:
        return False, "hang guard reached", "", ""
    last = last_line(r.err)
    reported = "corruption detected" in r.text() + r.errtext()  # the report goes to the console (stdout)
    if r.status == 0 and not reported:
        return True, "", "", "survived"
    if r.status == 1 and reported:
        return True, "", "", "corruption reported"
    if r.status == 1 and "AddressSanitizer" in r.errtext():
        return True, "", "", "corruption caught by AddressSanitizer"
    if r.status == 1 and re.match(r"^[A-Za-z_.]+(Error|Exception)\b", last):
        # undetected corruption surfaced as a wrong exception: the interpreter ended cleanly,
        # which is what unsafe promises (report where it can, never a hang)
        return True, "", "", "corruption surfaced as: %s" % last[:60]
    return False, "status %s" % r.status, "   err: " + last, ""


def judge_sanitized(exp, r):
    if r.hung:
        return False, "hang guard reached (a deadlocked object lock?)", ""
    san = [l for l in r.errtext().splitlines() if SANITIZER_REPORT.search(l)]
    if r.status == exp.status and r.out == exp.out and not san:
        return True, "", ""
    details = ["       " + l for l in san[:5]]
    if r.out != exp.out:
        details += ["       stdout differs from CPython's:"] + tail(r.out, 15, "       | ")
    details += ["       stderr tail:"] + tail(r.err, 25, "       ! ")
    return False, "status %s, expected %s%s" % (r.status, exp.status, "; sanitizer report" if san else ""), \
        "\n".join(details)


def console_program_output(raw):
    """The program's part of a guest console: (text, status from an exit marker or None), or
    (None, None) when the banner never came."""
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for i, l in enumerate(lines):
        if BANNER.match(l.lstrip("\x1b[0m")):
            start = i + 1
            break
    else:
        return None, None
    end, status = len(lines), None
    for i in range(start, len(lines)):
        if EXIT_MARK.match(lines[i]):
            end = i
            m = re.search(r"(-?\d+)\s*$", lines[i])
            status = int(m.group(1)) if m else None
            break
    return "\n".join(lines[start:end]), status


def judge_guest(exp, res, timeout, crash):
    if res.status == 124:
        return False, "QEMU run timed out (hang guard %ss)" % timeout, ""
    got, status = console_program_output(res.out)
    if got is None:
        return False, "no `Tollbooth: N/N cores online` banner in console output", \
            "  console tail: " + " | ".join(tail(res.out + res.err, 5, ""))
    if status is None:
        status = res.status
    want = exp.out.decode("utf-8", "replace").replace("\r\n", "\n")
    if exp.status != 0 and last_line(exp.err):
        # The console carries stdout and the traceback together: stdout must come first and
        # the last line must be CPython's `Type: message` line.
        if not got.startswith(want):
            return False, "console output differs (before the traceback)", diff_text(want, got, "cpython", "guest")
        if last_line(got) != last_line(exp.err):
            return False, "error line differs", \
                "  expected: %s\n  got:      %s" % (last_line(exp.err), last_line(got))
    elif not lines_match(want, got, exp.patterns):
        return False, "console output differs", diff_text(want, got, "expected", "guest")
    if status == 101:
        return False, "kernel panic (status 101)", "  " + got[-500:]
    if status != exp.status:
        return False, "guest exit status %s, expected %s" % (status, exp.status), ""
    if crash and crash.search(res.err.decode("utf-8", "replace")):
        return False, "crash report on QEMU's stderr", "\n".join(tail(res.err, 6, "   err: "))
    return True, "", ""


# ---------------------------------------------------------------- the memory limit for bad

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
    if re.search(r"(^|\s)(-m)\s+(SIZE|N|MB|BYTES)", h):
        return ["-m", "256M"]
    return []


# ---------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", choices=sorted(SUITES))
    ap.add_argument("paths", nargs="*", help="test dirs or files (default: the suite's dir)")
    ap.add_argument("--target", choices=("host", "guest"), default="host")
    ap.add_argument("--tollpy", default="build/host/tollpy",
                    help="interpreter under test (may include arguments, space separated)")
    ap.add_argument("--asan", default="build/host-asan/tollpy", help="none-stress: the ASan+UBSan build")
    ap.add_argument("--tsan", default="build/host-tsan/tollpy", help="none-stress: the TSan build")
    ap.add_argument("--kernel", default=None, help="guest: kernel with the interpreter "
                    "(default build/kernel.elf)")
    ap.add_argument("--cpus", default="2", help="guest: CPUS")
    ap.add_argument("--policies", default=None, help="threads/mp: TOLLPY_GIL values, comma separated")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=None, help="hang guard per run (seconds)")
    ap.add_argument("--show-diff", action="store_true", help="lang: print diffs for failures")
    ap.add_argument("--all", action="store_true", help="guest: every test, not just QEMU_SUBSET")
    ap.add_argument("--mem-flag", default=None,
                    help="bad: memory-limit argument(s) ('' for none; default: --mem-limit=256M "
                         "if `tollpy --help` mentions such a flag)")
    ap.add_argument("--mem-env", default="TOLLPY_MEM=268435456",
                    help="bad: NAME=VALUE set for the runs (host_main.c reads TOLLPY_MEM, bytes)")
    ap.add_argument("--rlimit-as-mb", type=int, default=4096,
                    help="bad: address-space cap so a broken limit cannot eat the machine "
                         "(0 = none; must be 0 under ASan)")
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="host: run the interpreter in place instead of a private copy")
    ap.add_argument("--label", default=None, help="name printed in the summary line")
    ap.add_argument("-v", "--verbose", action="store_true", help="print passing runs too")
    return ap.parse_intermixed_args(argv)


def repo_path(p):
    return p if os.path.isabs(p) else os.path.join(REPO, p)


class Case:
    """One run to make: a test file under one policy/build (label), and how to judge it."""

    def __init__(self, path, label, cmd, env, judge):
        self.path, self.label, self.cmd, self.env, self.judge = path, label, cmd, env, judge
        self.name = test_name(path) + (" [%s]" % label if label else "")


def main(argv=None):
    a = parse_args(argv)
    sdir, keep, host_guard, guest_guard, policies = SUITES[a.suite]
    guest = a.target == "guest"
    if guest and guest_guard is None:
        print("runner: suite %s has no guest target (lang, threads and mp do)" % a.suite, file=sys.stderr)
        return 2
    dirs = [repo_path(p) for p in a.paths] or [os.path.join(REPO, sdir)]
    given_dirs = [os.path.abspath(d) for d in dirs if os.path.isdir(d)]
    tests = collect(dirs, keep)
    if a.suite == "bad" and given_dirs:
        gen = os.path.join(REPO, "build/tests/bad")
        bad_generate(given_dirs, gen)
        tests += collect([gen], None)
    known_dirs = given_dirs or sorted({os.path.dirname(os.path.abspath(t)) for t in tests})
    known = {}
    for d in known_dirs:
        known.update(read_list(os.path.join(d, "KNOWN_FAILURES")))
    timeout = a.timeout or (guest_guard if guest else host_guard)

    if guest:
        if given_dirs and not a.all:
            subset = {}
            for d in given_dirs:
                subset.update(read_list(os.path.join(d, "QEMU_SUBSET")))
            missing = set(subset) - {test_name(t) for t in tests}
            tests = [t for t in tests if test_name(t) in subset or os.path.dirname(t) not in given_dirs]
            if missing:
                print("runner: QEMU_SUBSET names missing tests: " + " ".join(sorted(missing)))
        kernel = repo_path(a.kernel or "build/kernel.elf")
        if not os.path.exists(kernel):
            print("runner: %s missing (make build/kernel.elf first)" % kernel, file=sys.stderr)
            return 2

    if a.list:
        for t in tests:
            print(os.path.relpath(t, REPO))
        return 0

    snap_dir = None
    try:
        if guest:
            cases = [Case(t, "guest CPUS=%s" % a.cpus if a.suite in ("mp", "threads") else "",
                          None, None, None)
                     for t in tests]
            shown = "guest %s" % os.path.relpath(kernel, REPO)
        else:
            exes = {"tollpy": a.tollpy.split()}
            if a.suite == "none-stress":
                exes = {"asan": [a.asan], "tsan": [a.tsan]}
            for k, cmd in exes.items():
                cmd[0] = repo_path(cmd[0])
                if not os.access(cmd[0], os.X_OK):
                    print("runner: interpreter %s not found or not executable" % cmd[0], file=sys.stderr)
                    return 2
            shown = " ".join(os.path.relpath(c[0], REPO) for c in exes.values())
            if not a.no_snapshot:
                # private copies: build/host*/ is rebuilt while suites run, and a half-written
                # or replaced executable would show up as spurious failures
                os.makedirs(os.path.join(REPO, "build/tests"), exist_ok=True)
                snap_dir = tempfile.mkdtemp(prefix="tollpy-", dir=os.path.join(REPO, "build/tests"))
                for k, cmd in exes.items():
                    snap = os.path.join(snap_dir, k)
                    shutil.copy2(cmd[0], snap)
                    os.chmod(snap, 0o755)
                    cmd[0] = snap
            cases = host_cases(a, tests, exes, policies, timeout)
        return run_cases(a, cases, tests, known, timeout, shown, guest,
                         kernel if guest else None)
    finally:
        if snap_dir:
            shutil.rmtree(snap_dir, ignore_errors=True)


def host_cases(a, tests, exes, policies, timeout):
    suite = a.suite
    pols = (a.policies or policies).split(",")
    cases = []
    if suite == "lang":
        return [Case(t, "", exes["tollpy"] + [t], None, "lang") for t in tests]
    if suite == "bad":
        mem_args = tollpy_mem_args(exes["tollpy"], a.mem_flag)
        mem_env = dict([a.mem_env.split("=", 1)]) if a.mem_env else {}
        for t in tests:
            c = Case(t, "", exes["tollpy"] + mem_args + [t], mem_env, "bad")
            c.as_mb = a.rlimit_as_mb
            cases.append(c)
        return cases
    if suite == "none-stress":
        supp = os.path.join(REPO, "tests/threads/tsan.supp")
        envs = {"asan": {"TOLLPY_GIL": "none", "ASAN_OPTIONS": "detect_leaks=0:exitcode=99",
                         "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1:exitcode=98"},
                "tsan": {"TOLLPY_GIL": "none",
                         "TSAN_OPTIONS": "halt_on_error=0:exitcode=66:suppressions=" + supp}}
        return [Case(t, "none, %s" % k, exes[k] + [t], envs[k], "sanitized")
                for t in tests for k in ("asan", "tsan")]
    extra = {"TOLLPY_MEM": str(256 << 20)} if suite == "mp" else {}
    for t in tests:
        for p in pols:
            cases.append(Case(t, p, exes["tollpy"] + [t], dict(extra, TOLLPY_GIL=p), suite))
    if suite == "threads" and not a.paths:
        udir = os.path.join(REPO, "tests/threads/unsafe")
        for t in sorted(os.listdir(udir)) if os.path.isdir(udir) else []:
            if t.endswith(".py"):
                for n in range(UNSAFE_RUNS):
                    # TOLLPY_GIL=new at start; the program switches to unsafe itself
                    cases.append(Case(os.path.join(udir, t), "unsafe run %d" % (n + 1),
                                      exes["tollpy"] + [os.path.join(udir, t)],
                                      {"TOLLPY_GIL": "new"}, "unsafe"))
    return cases


def run_cases(a, cases, tests, known, timeout, shown, guest, kernel):
    suite = a.suite
    # expectations: one oracle run (or .expected file) per test file, shared by its cases
    need = sorted({c.path for c in cases if c.judge not in ("bad", "unsafe")})
    use_expected = suite in ("lang", "threads", "mp")
    exps = {}
    took = {}
    lock = threading.Lock()

    def expect_job(p):
        return p, expectation(p, timeout if not guest else SUITES[suite][2], use_expected)

    def case_job(c):
        if guest:
            t0 = time.monotonic()
            res = tollbooth.run_batch(c.path, kernel, cpus=a.cpus, timeout=timeout)
            with lock:
                took[c.name] = time.monotonic() - t0
            return c, judge_guest(exps[c.path], res, timeout, CRASH_MP if suite == "mp" else None) + ("",)
        r = run(c.cmd, timeout, c.env, getattr(c, "as_mb", 0))
        with lock:
            took[c.name] = r.secs
        if c.judge == "lang":
            v = judge_lang(c.path, exps[c.path], r)
        elif c.judge == "bad":
            v = judge_bad(c.path, r)
        elif c.judge == "unsafe":
            return c, judge_unsafe(r)
        elif c.judge == "sanitized":
            v = judge_sanitized(exps[c.path], r)
        else:
            v = judge_program(exps[c.path], r, CRASH_MP if suite == "mp" else CRASH_THREADS,
                              loose=suite == "mp")
        return c, v + ("",)

    label = a.label or (suite + ("-guest" if guest else ""))
    details_always = suite != "lang"
    passed = failed = kfail = 0
    failures, now_passing = [], []
    t0 = time.monotonic()
    jobs = 1 if guest else max(1, a.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        exps.update(ex.map(expect_job, need))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for c, (ok, why, details, note) in ex.map(case_job, cases):
            base = test_name(c.path)
            if ok:
                passed += 1
                if base in known and c.judge != "unsafe":
                    now_passing.append(c.name)
                    print("PASS  %s  (now passing, remove from KNOWN_FAILURES)" % c.name)
                elif a.verbose or note:
                    print("ok    %s%s" % (c.name, "  (%s)" % note if note else ""))
            elif base in known and c.judge != "unsafe":
                kfail += 1
                print("KNOWN %s: %s  [known failure: %s]" % (c.name, why, known[base] or "(no reason given)"))
            else:
                failed += 1
                failures.append(c.name)
                print("FAIL  %s: %s" % (c.name, why))
                if details and (details_always or a.show_diff):
                    print(details)
            sys.stdout.flush()
    dt = time.monotonic() - t0
    print("[%s] %d passed, %d failed, %d known failures (%d tests, %d runs, %.1fs, %s)"
          % (label, passed, failed, kfail, len(tests), len(cases), dt, shown))
    slowest = sorted(took.items(), key=lambda kv: -kv[1])[:3]
    if slowest:    # a figure for whoever tunes the suite; never part of the verdict
        print("[%s] slowest: " % label + ", ".join("%s %.1fs" % (n, d) for n, d in slowest))
    if now_passing:
        print("[%s] now passing, remove from KNOWN_FAILURES: " % label + " ".join(now_passing))
    if failures:
        print("[%s] failed: " % label + " ".join(failures))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
