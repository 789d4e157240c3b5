#!/usr/bin/python3
"""tests/external/run_external.py — pass rate of tollpy on a directory of programs we did not write.

    /usr/bin/python3 tests/external/run_external.py DIR [--tollpy build/host/tollpy] [-v] [--jobs N]
                                                     [--list CLASS] [--timeout S]

Every DIR/*.py is first run by CPython 3.11 (/usr/bin/python3, the oracle), from DIR as the
working directory. A program counts only if CPython ends it with status 0 and its output is not
the single line "SKIP" (suites written for other interpreters print that when a feature is
absent). Each counted program is then run by tollpy the same way; it passes when stdout and the
exit status equal CPython's. The programs themselves are not part of this repository: the
directory is an argument (e.g. an extracted copy of MicroPython's tests/basics).

Failures are grouped into classes read from what tollpy did:
  missing-module    ModuleNotFoundError / ImportError as the last stderr line
  missing-name      NameError (a builtin we lack)
  missing-attr      AttributeError (a method or attribute we lack)
  syntax            SyntaxError / IndentationError (syntax we do not parse)
  exception:T       any other uncaught exception T where CPython raised none
  self-skip         tollpy printed just "SKIP": the program's own probe for a feature failed
  wrong-output      stdout or status different (the first differing line is shown)
  crash             killed by a signal or an exit status >= 128
  timeout           reached the hang guard (--timeout, default 20 s; a guard, not a judgement)
The summary prints the pass rate, the count per class, and for the missing-* classes the most
common missing names. -v lists every failing program with its class and last stderr line;
--list CLASS lists only that class. Exit status 0 always (this is a figure, not a gate).
Stdlib only.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

CPYTHON = "/usr/bin/python3"


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout, start_new_session=True)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b""


def last_line(err):
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def classify(rc, out, err, exp_rc, exp_out):
    if rc is None:
        return "timeout", ""
    if rc < 0 or rc >= 128:
        return "crash", "status %d" % rc
    last = last_line(err)
    m = re.match(r"([A-Za-z_][\w.]*(?:Error|Exception|Exit|Iteration|Interrupt))\b:?\s*(.*)", last)
    if rc != exp_rc and m:
        t, msg = m.group(1), m.group(2)
        if t in ("ModuleNotFoundError", "ImportError"):
            return "missing-module", msg
        if t == "NameError":
            return "missing-name", msg
        if t == "AttributeError":
            return "missing-attr", msg
        if t in ("SyntaxError", "IndentationError", "TabError"):
            return "syntax", msg
        return "exception:" + t, msg
    if out.strip() == b"SKIP":
        return "self-skip", "the program's own feature probe failed (a module or builtin we lack)"
    a = out.decode("utf-8", "replace").splitlines()
    b = exp_out.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end>"
        y = b[i] if i < len(b) else "<end>"
        if x != y:
            return "wrong-output", "line %d: expected %r got %r" % (i + 1, y[:40], x[:40])
    return "wrong-output", "status %s, expected %s; %s" % (rc, exp_rc, last)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--tollpy", default="build/host/tollpy")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--list", default=None)
    a = ap.parse_args()
    tollpy = os.path.abspath(a.tollpy)
    d = os.path.abspath(a.dir)
    progs = sorted(f for f in os.listdir(d) if f.endswith(".py"))

    def one(name):
        path = os.path.join(d, name)
        crc, cout, cerr = run([CPYTHON, path], d, a.timeout)
        if crc != 0 or cout.strip() == b"SKIP":
            return name, None
        rc, out, err = run([tollpy, path], d, a.timeout)
        if rc == crc and out == cout:
            return name, ("pass", "")
        return name, classify(rc, out, err, crc, cout)

    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(one, progs))
    counted = [(n, r) for n, r in results if r is not None]
    passed = [n for n, r in counted if r[0] == "pass"]
    fails = [(n, r) for n, r in counted if r[0] != "pass"]
    print("programs: %d in %s, %d run cleanly by CPython (counted)" % (len(progs), a.dir, len(counted)))
    if counted:
        print("pass: %d/%d (%.1f%%)" % (len(passed), len(counted), 100.0 * len(passed) / len(counted)))
    by_class = collections.Counter(r[0] for n, r in fails)
    print("failure classes:")
    for c, k in by_class.most_common():
        print("  %-28s %d" % (c, k))
    names = collections.Counter()
    for n, (c, msg) in fails:
        if c.startswith("missing-"):
            names[c + " " + msg[:70]] += 1
    if names:
        print("most common missing names:")
        for s, k in names.most_common(25):
            print("  %3d  %s" % (k, s))
    if a.v or a.list:
        print("failing programs:")
        for n, (c, msg) in fails:
            if a.list is None or c == a.list:
                print("  %-40s %-22s %s" % (n, c, msg[:100]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
