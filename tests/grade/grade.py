#!/usr/bin/env python3
"""tests/grade/grade.py — the lab grader (`make grade [LAB=name] [JSON=out.json]`).

Runs the graded tests (tests/grade/test_*.py, pytest on the QEMU harness of tests/qemu) for one
lab or all of them (plus the smoke part, always), prints each test with its points, each part's
subtotal and `Score: N/M`, and exits 0 only with full marks (1 below, 2 if pytest itself broke).
A failed test's console output is kept in build/grade/<test>.log (named in the listing).
  --lab NAME[,NAME]   only these labs (and smoke)
  --json FILE         write the results for an autograder
  --build DIR         where kernel.elf and host/tollpy are (default build)
  -k EXPR             passed to pytest (select tests by name)
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lab", default="")
    ap.add_argument("--json", default="")
    ap.add_argument("--build", default="build")
    ap.add_argument("-k", default="")
    a = ap.parse_args()
    build = pathlib.Path(a.build)
    if not build.is_absolute():
        build = ROOT / build
    with open(ROOT / "labs" / "order", encoding="utf-8") as f:      # the labs, in order
        known = [w for w in (line.split("#")[0].strip() for line in f) if w]
    for lab in filter(None, a.lab.split(",")):
        if lab not in known:
            print(f"grade: no lab named {lab!r}; labs: {' '.join(known)}", file=sys.stderr)
            return 2
    jpath = a.json or tempfile.mktemp(suffix=".json", prefix="grade-")
    env = dict(os.environ, GRADE_LAB=a.lab, GRADE_JSON=os.path.abspath(jpath),
               GRADE_KERNEL=str(build / "kernel.elf"), GRADE_TOLLPY=str(build / "host" / "tollpy"),
               GRADE_DIR=str(build / "grade"), GRADE_JSON_QUIET="" if a.json else "1")
    (build / "grade").mkdir(parents=True, exist_ok=True)
    for old in (build / "grade").glob("*.log"):
        old.unlink()
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rN", "--tb=short",
           str(ROOT / "tests" / "grade")]
    if a.k:
        cmd += ["-k", a.k]
    print(f"grade: {'lab ' + a.lab if a.lab else 'all labs'} (kernel {env['GRADE_KERNEL']}, "
          f"tollpy {env['GRADE_TOLLPY']})", flush=True)
    p = subprocess.run(cmd, cwd=str(ROOT), env=env)
    try:
        with open(jpath) as f:
            res = json.load(f)
    except (OSError, ValueError):
        print("grade: no results (pytest failed before grading)", file=sys.stderr)
        return 2
    finally:
        if not a.json and os.path.exists(jpath):
            os.unlink(jpath)
    if res["max"] == 0:
        print("grade: no graded tests ran", file=sys.stderr)
        return 2
    return 0 if res["score"] == res["max"] and p.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
