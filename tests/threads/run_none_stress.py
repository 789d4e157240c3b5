#!/usr/bin/python3
"""tests/threads/run_none_stress.py — the free-threaded policy's container tests under sanitizers
(`make test-none-stress`).

Runs tests/threads/none_*.py with TOLLPY_GIL=none on the ASan+UBSan build and on the TSan build.
A run passes when its stdout equals CPython's output for the same file (/usr/bin/python3; the files
print invariants only) and the sanitizer reported nothing: no ASan/UBSan report, no TSan warning
(suppressions, each with its reason, in tests/threads/tsan.supp). The time limit per run is a hang
guard only (a deadlocked object lock), far above the few seconds a run takes. Stdlib only.
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
HANG_GUARD_S = 300   # a hang guard, not a verdict: TSan runs take ~25 s on 2 busy cores


def run(cmd, env):
    try:
        p = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=HANG_GUARD_S)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "hang", "", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--asan", default=os.path.join(REPO, "build/host-asan/tollpy"))
    ap.add_argument("--tsan", default=os.path.join(REPO, "build/host-tsan/tollpy"))
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(HERE, "none_*.py")))
    supp = os.path.join(HERE, "tsan.supp")
    base = dict(os.environ, TOLLPY_GIL="none")
    builds = [
        ("asan", a.asan, dict(base, ASAN_OPTIONS="detect_leaks=0:exitcode=99",
                              UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98")),
        ("tsan", a.tsan, dict(base, TSAN_OPTIONS="halt_on_error=0:exitcode=66:suppressions=" + supp)),
    ]
    failed = 0
    for f in files:
        erc, eout, _ = run(["/usr/bin/python3", f], dict(os.environ))
        for label, exe, env in builds:
            rc, out, err = run([exe, f], env)
            name = "%s [none, %s]" % (os.path.relpath(f, REPO), label)
            san = [l for l in err.splitlines()
                   if "ERROR: AddressSanitizer" in l or "runtime error:" in l or "WARNING: ThreadSanitizer" in l]
            if rc == erc and out == eout and not san:
                print("ok   ", name)
                continue
            failed += 1
            print("FAIL ", name, "status", rc, "expected", erc)
            for l in san[:5]:
                print("      ", l)
            if out != eout:
                print("       stdout differs from CPython's:")
                for l in out.splitlines()[-15:]:
                    print("       |", l)
            print("       stderr tail:")
            for l in err.splitlines()[-25:]:
                print("       !", l)
    print("none-stress: %d run(s), %d failed" % (2 * len(files), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
